import Foundation
import Testing

/// What a tree author meets (issue 22): a choice into a missing tree is never offered, and
/// mistakes are explained in the author's terms.
struct AuthoringContractTests {
    /// The lines every test tree here starts with, then its `nodes:`.
    static let header = """
        format: 1
        id: lab
        title: Lab
        description: The lab's guide.
        owner: {name: Lab, contact: "mailto:lab@example.org"}
        start: start
        nodes:
        """

    static let lab = header + "\n" + """
          start:
            question: What do you need?
            choices:
              - label: Python for astronomy
                goto: astro-lab/lab-python
              - label: The printer
                goto: printer
          printer:
            title: Use the printer
            body: Print.
        """

    /// `astro-lab` is not loaded: validate says so, the tree still loads, and the answer that
    /// would lead nowhere is not offered, in text, in plain mode, or by number.
    @Test func aChoiceIntoATreeThatIsNotLoadedIsNotOffered() throws {
        let directory = try CLIRunner.treeDirectory(["lab.yaml": Self.lab])
        let trees = ["--no-default-trees", "--trees", directory]
        let validate = try CLIRunner.run(["validate", directory + "/lab.yaml"])
        #expect(validate.status == 1 && validate.stdout.contains("points into tree 'astro-lab', which is not loaded"))

        let shown = try CLIRunner.run(["show"] + trees + ["lab/start"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(!shown.stdout.contains("Python for astronomy"), "\(shown.stdout)")
        #expect(shown.stdout.contains("  1. The printer\n"))
        #expect(shown.stdout.contains("1 answer is not offered: it leads to a guide that is not loaded here."))

        let plain = try CLIRunner.run(["--plain"] + trees + ["lab"], stdin: "1\n")
        #expect(plain.stdout.contains("Answer 1-1 or start of a label"), "\(plain.stdout)")
        #expect(plain.stdout.contains("Use the printer"), "answer 1 is the printer, as shown: \(plain.stdout)")

        let walked = try CLIRunner.run(["walk"] + trees + ["lab", "--answer", "Python", "--json"])
        #expect(walked.status == 1)
        #expect(walked.stderr.contains("leads to 'astro-lab/lab-python', which is not loaded"), "\(walked.stderr)")
    }

    @Test func aColonInAValueIsExplainedWithTheFix() throws {
        let tree = Self.lab.replacingOccurrences(of: "title: Use the printer", with: "title: VPN: set up")
        let directory = try CLIRunner.treeDirectory(["lab.yaml": tree])
        let outcome = try CLIRunner.run(["validate", directory + "/lab.yaml"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("lab.yaml:16:15: error: a colon followed by a space inside a value starts a new key; put the value in quotes: title: \"VPN: set up\""), "\(outcome.stdout)")
    }

    @Test func anUpperCasePlaceholderIsWarnedAbout() throws {
        let tree = Self.lab.replacingOccurrences(of: "    body: Print.", with: """
                body: Print.
                commands:
                  - run: lpr -U {NetID} file.pdf
                    does: Prints as you.
            """)
        let directory = try CLIRunner.treeDirectory(["lab.yaml": tree])
        let outcome = try CLIRunner.run(["validate", directory + "/lab.yaml"])
        #expect(outcome.stdout.contains("warning: '{NetID}' in 'run' looks like a placeholder, but names are lower-case: write '{netid}' and declare it under 'placeholders', or it is shown as written"), "\(outcome.stdout)")
        // At the placeholder itself: `      - run: lpr -U {NetID} file.pdf`, line 19, column 21.
        #expect(outcome.stdout.contains("lab.yaml:19:21: warning: '{NetID}'"), "\(outcome.stdout)")
    }

    /// An overlay whose tree is not loaded changes nothing: every command says so on stderr,
    /// `list --sources` lists it, and `validate` reports it once.
    @Test func anOverlayThatChangesNothingIsNeverSilent() throws {
        let overlay = """
            format: 1
            overrides: login-node
            nodes:
              start:
                question: What do you need on the astro cluster?
                choices:
                  - label: Connect
                    goto: ssh
            """
        let directory = try CLIRunner.treeDirectory(["astro.yaml": overlay])
        let trees = ["--no-default-trees", "--trees", directory]
        let sources = try CLIRunner.run(["list", "--sources"] + trees)
        #expect(sources.stdout.contains("Overlays not applied:\n  \(directory)/astro.yaml: this file overrides tree 'login-node', which is not loaded"), "\(sources.stdout)")
        #expect(sources.stderr.contains("warning: \(directory)/astro.yaml: this file overrides tree 'login-node', which is not loaded"), "\(sources.stderr)")
        let json = try CLIRunner.run(["list", "--sources", "--json"] + trees).json
        let unapplied = try #require(json["unappliedOverlays"] as? [[String: Any]])
        #expect(unapplied.count == 1 && (unapplied.first?["reason"] as? String)?.contains("'login-node', which is not loaded") == true)
        let validate = try CLIRunner.run(["validate"] + trees + [directory])
        #expect(validate.stdout.components(separatedBy: "which is not loaded").count == 2, "reported once: \(validate.stdout)")
    }


    /// `missing: true` suggests installing what is not there; `pattern-hint` explains a refused
    /// value in words instead of showing the regular expression.
    @Test func aProbeCanAskForWhatIsMissingAndAPatternCanBeExplained() throws {
        let tree = Self.header + "\n" + """
              start:
                question: What do you need?
                choices:
                  - label: Install Kerberos
                    goto: kerberos
                    suggest-if: {command: kinit-not-here, missing: true}
                  - label: Log in
                    goto: login
              kerberos:
                title: Install Kerberos
                body: Ask for it.
              login:
                title: Log in
                body: Log in.
                commands:
                  - run: ssh {user}@login.example.org
                    does: Logs in.
                    placeholders:
                      user:
                        prompt: Your user name
                        pattern: "[a-z][a-z0-9]{2,15}"
                        pattern-hint: 3 to 16 lower-case letters or digits, starting with a letter
            """
        let directory = try CLIRunner.treeDirectory(["lab.yaml": tree])
        let trees = ["--no-default-trees", "--trees", directory]
        let validate = try CLIRunner.run(["validate", directory + "/lab.yaml"])
        #expect(validate.status == 0, "\(validate.stdout)")
        let start = try CLIRunner.run(["show"] + trees + ["lab/start", "--json"]).json
        let choices = try #require(start["choices"] as? [[String: Any]])
        #expect(choices.first?["suggested"] as? Bool == true, "the missing command suggests installing it: \(choices)")
        let refused = try CLIRunner.run(["show"] + trees + ["lab/login", "--command", "1", "--set", "user=Bad User"])
        #expect(refused.status == 2)
        #expect(refused.stderr == "trailhead: error: 'Bad User' is not a valid {user}: 3 to 16 lower-case letters or digits, starting with a letter\n", "\(refused.stderr)")
        let hintWithoutPattern = tree.replacingOccurrences(of: "pattern: \"[a-z][a-z0-9]{2,15}\"", with: "# no pattern")
        let broken = try CLIRunner.treeDirectory(["lab.yaml": hintWithoutPattern])
        let noPattern = try CLIRunner.run(["validate", broken + "/lab.yaml"])
        #expect(noPattern.status == 1 && noPattern.stdout.contains("'pattern-hint' says in words what 'pattern' requires; add the 'pattern'"), "\(noPattern.stdout)")
    }


    /// A walk that crosses into another guide says where one hands over to the other.
    @Test func theBreadcrumbSaysWhereAnotherGuideTakesOver() throws {
        let plain = try CLIRunner.run(["--plain", "escape-vre"], stdin: "2\n2\n4\n3\n")
        let last = plain.stdout.split(separator: "\n").last { $0.hasPrefix("[") }
        #expect(last == "[ESCAPE Virtual Research Environment › Find, download or share data › The ESCAPE data lake on the command line › Download data › see also › → Your first day on an HPC login node]", "\(last ?? "")")
        let within = try CLIRunner.run(["show", "login-node/scratch"])
        #expect(within.stdout.hasPrefix("[Your first day on an HPC login node › Find my storage and quotas › "), "no arrow within one guide: \(within.stdout.prefix(120))")
        #expect(!within.stdout.prefix(200).contains("→"))
    }

}
