#%Module1.0
## Trailhead @VERSION@ for Environment Modules (`make dist` writes this file as
## modulefiles-tcl/trailhead/@VERSION@). Left where it is in the unpacked release, it finds the
## release around it. Copied into a site's module tree, set `root` to the directory the release
## was unpacked in.
set root [file dirname [file dirname [file dirname [file normalize $ModulesCurrentModulefile]]]]

## A site's own trees (docs/site-admin.md): a directory on shared storage, such as CVMFS.
set site_trees $root/share/trailhead/site

proc ModulesHelp {} {
    puts stderr "Trailhead @VERSION@ walks you from a few questions to the tool or resource you need."
    puts stderr "Start it with `trailhead`; `man trailhead` explains the rest."
}
module-whatis "Trailhead @VERSION@: onboarding decision trees for newcomers, in the terminal"

if {![file executable $root/bin/trailhead]} {
    error "trailhead: no bin/trailhead under $root; set root in $ModulesCurrentModulefile"
}

prepend-path PATH $root/bin
## An empty entry keeps man's own search path, which a MANPATH of one directory would replace.
if {![info exists env(MANPATH)] || $env(MANPATH) eq ""} {
    append-path MANPATH ""
}
prepend-path MANPATH $root/share/man
## bash-completion and fish find their completions under each XDG_DATA_DIRS entry. Unset, the
## variable means /usr/local/share:/usr/share, which must stay on it.
if {![info exists env(XDG_DATA_DIRS)] || $env(XDG_DATA_DIRS) eq ""} {
    append-path XDG_DATA_DIRS /usr/local/share
    append-path XDG_DATA_DIRS /usr/share
}
prepend-path XDG_DATA_DIRS $root/share
prepend-path TRAILHEAD_PATH $site_trees
