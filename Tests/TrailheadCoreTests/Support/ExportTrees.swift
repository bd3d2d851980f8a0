@testable import TrailheadCore

/// Trees for the exporter tests: a small clean one and one whose every text is hostile.
enum ExportTrees {
    static let demoYAML = """
    format: 1
    id: demo
    title: Demo tree
    description: A tree for tests.
    start: start
    nodes:
      start:
        question: What do you need?
        choices:
          - label: Data
            goto: data
          - label: Compute
            goto: escape-vre/start
          - label: Help
            node:
              title: Ask for help
              body: Write to the desk.
      data:
        title: Get data
        body: Use the portal.
        links:
          - url: https://data.example.org/portal?a=1&b=2
            label: Data portal
        commands:
          - run: rucio download {did}
            does: Downloads a file.
            placeholders:
              did:
                prompt: Data identifier
                default: user.jdoe:file.root
        see-also: [start.3]
    """

    /// Every label tries to break out of its syntax: quotes, brackets, entities, tags, directives.
    static let hostileYAML = #"""
    format: 1
    id: hostile
    title: "Tree </script><script>alert(1)</script> & <!-- \"q\""
    description: "A %%{init: {'securityLevel': 'loose'}}%% tree"
    start: start
    nodes:
      start:
        question: "Pick \"one\" <b>bold</b> & [more] {x} #1 %%{init}%% `md`"
        explain: "</script><!-- explain"
        choices:
          - label: "Go <img src=x onerror=alert(1)> | \"quoted\" ]]"
            goto: res
          - label: "Elsewhere\\N \\G & &amp; \"\""
            goto: other-tree/some.node
      res:
        title: "Result ]] --> x\"]; evil[\"x"
        body: "Body </script><!-- & more"
        links:
          - url: https://example.org/a?b=1&c=2
            label: "</a><script>alert(2)</script>"
        commands:
          - run: echo '</script>'
            does: Echoes </script>.
        see-also: [start, other-tree/x]
    """#

    static var demo: Tree { tree(demoYAML) }
    static var hostile: Tree { tree(hostileYAML) }

    static func tree(_ yaml: String) -> Tree {
        TestTrees.load(yaml, path: "trees/t.yaml").tree!
    }

    /// A tree with a control character in a label and a link `validate` would refuse, which a
    /// loaded catalog never holds but the exporters must still handle.
    static var unchecked: Tree {
        var tree = demo
        tree.updateNodes { nodes in
            nodes["start"]?.content = .question(Question(
                text: "Line one\nline two \u{1B}[2J\u{202E}", explanation: nil,
                choices: demo.nodes["start"]!.question!.choices))
            guard case .resource(var resource) = nodes["data"]!.content else { return }
            resource.links.append(Link(url: "javascript:alert(1)", label: "Click", location: resource.links[0].location))
            nodes["data"]?.content = .resource(resource)
        }
        return tree
    }
}
