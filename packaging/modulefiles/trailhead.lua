-- Trailhead @VERSION@ for Lmod (`make dist` writes this file as modulefiles/trailhead/@VERSION@.lua).
-- Left where it is in the unpacked release, it finds the release around it. Copied into a
-- site's module tree, set `root` to the directory the release was unpacked in.
local root = myFileName():gsub("/modulefiles/trailhead/[^/]+$", "")

-- A site's own trees (docs/site-admin.md): a directory on shared storage, such as CVMFS.
local site_trees = pathJoin(root, "share/trailhead/site")

help([[
Trailhead @VERSION@ walks you from a few questions to the tool or resource you need.
Start it with `trailhead`; `man trailhead` explains the rest.
]])
whatis("Name: Trailhead")
whatis("Version: @VERSION@")
whatis("Description: onboarding decision trees for newcomers, in the terminal")

if not isFile(pathJoin(root, "bin/trailhead")) then
    LmodError("trailhead: no bin/trailhead under " .. root .. "; set root in " .. myFileName())
end

prepend_path("PATH", pathJoin(root, "bin"))
-- An empty entry keeps man's own search path, which a MANPATH of one directory would replace.
if (os.getenv("MANPATH") or "") == "" then
    append_path("MANPATH", "")
end
prepend_path("MANPATH", pathJoin(root, "share/man"))
-- bash-completion and fish find their completions under each XDG_DATA_DIRS entry. Unset, the
-- variable means /usr/local/share:/usr/share, which must stay on it.
if (os.getenv("XDG_DATA_DIRS") or "") == "" then
    append_path("XDG_DATA_DIRS", "/usr/local/share")
    append_path("XDG_DATA_DIRS", "/usr/share")
end
prepend_path("XDG_DATA_DIRS", pathJoin(root, "share"))
prepend_path("TRAILHEAD_PATH", site_trees)
