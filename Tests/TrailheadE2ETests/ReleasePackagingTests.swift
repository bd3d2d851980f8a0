import Foundation
import Testing

/// What a site installs the release with: the modulefiles (loaded by Lmod, which reads both the
/// Lua and the Tcl one), the checksums, the Apptainer definition and the Spack and EasyBuild recipes.
@Suite(.enabled(if: Release.isAvailable, "set TRAILHEAD_DIST to the dist/ directory (make test does)"), .timeLimit(.minutes(2)))
struct ReleasePackagingTests {
    static let lmodInit = "/usr/share/lmod/lmod/init/bash"
    static var hasLmod: Bool { FileManager.default.fileExists(atPath: lmodInit) }

    /// `module load trailhead` puts the binary, its manual and the site trees on the paths (and
    /// keeps man's own pages and the default data directories); unloading takes them off.
    @Test(.enabled(if: hasLmod, "Debian's lmod is not installed (make test installs it as root)"), arguments: ["modulefiles", "modulefiles-tcl"])
    func theModuleLoads(directory: String) throws {
        let scratch = try Release.scratch("module")
        let release = try Release.unpack(into: scratch)
        let script = """
            source \(Self.lmodInit)
            module use "$1/\(directory)"
            module load trailhead || exit 9
            echo "BIN=$(command -v trailhead)"
            echo "MAN=$(man -w trailhead)"
            man -w ls >/dev/null && echo "SYSTEM_MAN=yes"
            echo "TRAILHEAD_PATH=$TRAILHEAD_PATH"
            echo "XDG_DATA_DIRS=$XDG_DATA_DIRS"
            trailhead list >/dev/null && echo "LISTED=yes"
            module help trailhead 2>&1 | grep -q "walks you from a few questions" && echo "HELP=yes"
            module unload trailhead
            command -v trailhead >/dev/null || echo "UNLOADED=yes"
            """
        let outcome = try Release.run("/bin/bash", ["--noprofile", "--norc", "-c", script, "bash", release], environment: ["HOME": scratch])
        #expect(outcome.status == 0, "\(outcome.stdout)\n\(outcome.stderr)")
        let lines = Set(outcome.stdout.split(separator: "\n").map(String.init))
        #expect(lines.contains("BIN=\(release)/bin/trailhead"), "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(lines.contains("MAN=\(release)/share/man/man1/trailhead.1"), "\(outcome.stdout)")
        #expect(lines.contains("SYSTEM_MAN=yes"), "man still finds the system's pages: \(outcome.stdout)")
        #expect(lines.contains("TRAILHEAD_PATH=\(release)/share/trailhead/site"), "\(outcome.stdout)")
        #expect(lines.contains("XDG_DATA_DIRS=\(release)/share:/usr/local/share:/usr/share"), "\(outcome.stdout)")
        #expect(lines.contains("LISTED=yes") && lines.contains("HELP=yes") && lines.contains("UNLOADED=yes"), "\(outcome.stdout)\n\(outcome.stderr)")
    }

    /// With the module loaded the release's trees are read once (as the bundled layer), though
    /// its share/ is on XDG_DATA_DIRS for the shells' completions.
    @Test func theReleaseTreesAreNotReadTwiceAsASiteLayer() throws {
        let scratch = try Release.scratch("layers")
        let release = try Release.unpack(into: scratch)
        let dataDirectories = "\(release)/share/:\(release)//share:/usr/share"
        let outcome = try Release.run(release + "/bin/trailhead", ["list", "--sources"], environment: ["HOME": scratch, "XDG_DATA_DIRS": dataDirectories])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n")
        let name = try Release.name
        #expect(!lines.contains { $0.hasPrefix("  site") && $0.contains(name) }, "\(outcome.stdout)")
        #expect(lines.contains { $0.hasPrefix("  escape-vre") && $0.hasSuffix("(bundled)") }, "\(outcome.stdout)")
    }

    @Test func theChecksumsMatch() throws {
        let directory = try #require(Release.directory)
        let outcome = try Release.run("/bin/sh", ["-c", "cd \"$1\" && sha256sum -c SHA256SUMS", "sh", directory])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.contains(try Release.name + ".tar.gz: OK"), "\(outcome.stdout)")
    }

    /// The Apptainer definition: known sections, a %post that the shell parses, and the file
    /// names it copies are the ones `make dist` wrote.
    @Test func theApptainerDefinitionIsWellFormed() throws {
        let release = try Release.unpack(into: try Release.scratch("apptainer"))
        let definition = try String(contentsOfFile: release + "/apptainer/trailhead.def", encoding: .utf8)
        let known: Set<String> = ["%files", "%post", "%environment", "%runscript", "%test", "%labels", "%help"]
        let sections = definition.split(separator: "\n").filter { $0.hasPrefix("%") }.map(String.init)
        #expect(Set(sections).isSubset(of: known) && sections.count == Set(sections).count, "\(sections)")
        #expect(definition.contains("\nBootstrap: docker\nFrom: debian:12-slim\n"))
        #expect(!definition.contains("@VERSION@") && !definition.contains("@DIST_NAME@"), "every placeholder was filled in")
        #expect(definition.contains(try Release.name + ".tar.gz /tmp/"), "it copies the tarball make dist wrote")
        for section in ["%post", "%environment", "%runscript", "%test"] {
            let body = Self.section(section, of: definition)
            let check = try Release.run("/bin/sh", ["-n", "-c", body])
            #expect(check.status == 0, "\(section) does not parse: \(check.stderr)")
        }
    }

    /// The Spack recipe, imported with a stand-in for Spack's package API, and the easyconfig,
    /// read as EasyBuild reads it (Python assignments): both name the source tarball and its checksum.
    @Test func theSpackAndEasyBuildRecipesNameTheSourceTarball() throws {
        let directory = try #require(Release.directory)
        let checker = """
            import hashlib, os, sys, types
            dist = sys.argv[1]
            source = [n for n in os.listdir(dist) if n.endswith("-src.tar.gz")][0]
            digest = hashlib.sha256(open(os.path.join(dist, source), "rb").read()).hexdigest()
            calls = []
            api = types.ModuleType("spack.package")
            class MakefilePackage: pass
            api.MakefilePackage = MakefilePackage
            api.version = lambda v, sha256: calls.append(("version", v, sha256))
            api.depends_on = lambda spec, **kw: calls.append(("depends_on", spec))
            api.which = api.find = lambda *a, **k: None
            api.InstallError = type("InstallError", (Exception,), {})
            api.__all__ = [n for n in dir(api) if not n.startswith("_")]
            sys.modules["spack"] = types.ModuleType("spack")
            sys.modules["spack.package"] = api
            namespace = {}
            path = os.path.join(dist, "packaging/spack/trailhead/package.py")
            exec(compile(open(path).read(), path, "exec"), namespace)
            recipe = namespace["Trailhead"]
            versions = [c for c in calls if c[0] == "version"]
            assert versions and versions[0][2] == digest, (versions, digest)
            assert recipe.url.endswith("/" + source), recipe.url
            assert {"ncurses", "libyaml", "openssl"} <= {c[1] for c in calls if c[0] == "depends_on"}
            eb = [n for n in os.listdir(os.path.join(dist, "packaging/easybuild"))][0]
            config = {"SYSTEM": {"name": "system"}}
            path = os.path.join(dist, "packaging/easybuild", eb)
            exec(compile(open(path).read(), path, "exec"), config)
            assert config["checksums"] == [digest], config["checksums"]
            assert config["sources"][0].replace("%(version)s", config["version"]) == source
            assert eb == "trailhead-%s.eb" % config["version"]
            print("RECIPES OK")
            """
        let outcome = try Release.run("/usr/bin/python3", ["-c", checker, directory])
        #expect(outcome.stdout.contains("RECIPES OK"), "\(outcome.stdout)\(outcome.stderr)")
    }

    /// The lines of one section of a definition file, up to the next section.
    static func section(_ name: String, of definition: String) -> String {
        var lines: [Substring] = []
        var inside = false
        for line in definition.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("%") { inside = line == name; continue }
            if inside { lines.append(line) }
        }
        return lines.joined(separator: "\n")
    }
}
