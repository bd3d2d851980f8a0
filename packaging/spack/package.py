# Spack recipe for Trailhead @VERSION@ (`make dist` writes it filled in, as
# dist/packaging/spack/trailhead/package.py; copy that directory into a Spack repository).
import os

from spack.package import *


class Trailhead(MakefilePackage):
    """Walks newcomers to research infrastructures from a few questions to the one tool or
    resource they need, in the terminal: decision trees, search and a launcher."""

    homepage = "@RELEASE_URL@"
    url = "@RELEASE_URL@/trailhead-@VERSION@-src.tar.gz"

    version("@VERSION@", sha256="@SHA256@")

    depends_on("ncurses")
    depends_on("libyaml")
    depends_on("openssl")

    # Spack packages neither a Swift 6 toolchain nor the Snowball stemmer (libstemmer): both
    # must come from the system, checked before the build starts.
    def edit(self, spec, prefix):
        if which("swift") is None:
            raise InstallError("Trailhead needs a Swift 6 toolchain on PATH: https://www.swift.org/install/linux/")
        libraries = ["/usr/lib64", "/usr/lib", "/usr/lib/x86_64-linux-gnu"]
        if not any(os.path.exists(os.path.join(directory, "libstemmer.a")) for directory in libraries):
            raise InstallError("Trailhead needs the Snowball stemmer's static library (libstemmer-dev, libstemmer-devel)")

    @property
    def build_targets(self):
        return ["release", "DEPS=external"]

    @property
    def install_targets(self):
        return ["install", "DEPS=external", "PREFIX={0}".format(self.prefix)]
