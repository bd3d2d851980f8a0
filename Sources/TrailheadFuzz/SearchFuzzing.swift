import TrailheadCore

/// Arbitrary queries against a small fixed catalog: no crash, results best first, and every
/// highlighted position inside the text it highlights.
enum SearchFuzzing {
    static func run(_ bytes: [UInt8]) {
        let query = SearchQuery(String(decoding: bytes, as: UTF8.self))
        let outcome = index.search(query, limit: 8, within: nil, settled: nil)
        for (better, worse) in zip(outcome.results, outcome.results.dropFirst()) where better.score < worse.score {
            fatalError("results out of order: \(better.score) before \(worse.score)")
        }
        for result in outcome.results {
            let count = result.matchedText.count
            if let bad = result.positions.first(where: { $0 < 0 || $0 >= count }) {
                fatalError("position \(bad) outside \(result.matchedText.debugDescription)")
            }
        }
        // A search through the catalog's snapshot finds, reports and writes the same.
        let prepared = SearchSnapshot.PreparedQuery(query)
        let hits = snapshot.search(query, limit: 8)
        if hits.map({ snapshot.result(for: $0, query: prepared) }) != outcome.results {
            fatalError("the snapshot's results differ from the index's")
        }
        for (hit, result) in zip(hits, outcome.results) {
            var written: [UInt8] = []
            snapshot.appendJSON(for: hit, query: prepared, to: &written)
            if written != NodeJSON.searchResult(result, in: catalog).utf8(pretty: false) {
                fatalError("the snapshot wrote \(String(decoding: written, as: UTF8.self).debugDescription)")
            }
        }
        // Read as words (a question, a pasted message): no crash, best first, positions in their text.
        let words = wordIndex.search(String(decoding: bytes, as: UTF8.self), limit: 8)
        for (better, worse) in zip(words.results, words.results.dropFirst()) where better.score < worse.score {
            fatalError("word results out of order: \(better.score) before \(worse.score)")
        }
        for result in words.results where result.positions.contains(where: { $0 < 0 || $0 >= result.matchedText.count }) {
            fatalError("a word position outside \(result.matchedText.debugDescription)")
        }
        // The search pane narrows within the previous matches; narrowing within its own matches must change nothing.
        if index.search(query, limit: 8, within: outcome.matches, settled: nil).results != outcome.results {
            fatalError("searching within its own matches changed the results")
        }
        // Typing on from the first half of the query reuses that search's settled scores.
        let text = String(decoding: bytes, as: UTF8.self)
        let typedSoFar = String(text.prefix(text.count / 2))
        if Navigator.narrows(text, previous: typedSoFar) {
            let before = index.search(SearchQuery(typedSoFar), limit: 8, within: nil, settled: nil)
            if index.search(query, limit: 8, within: before.matches, settled: before.settled).results != outcome.results {
                fatalError("typing on from \(typedSoFar.debugDescription) changed the results")
            }
            let beforeInSnapshot = snapshot.search(SearchQuery(typedSoFar), limit: 8, within: nil, settled: nil)
            let narrowed = snapshot.search(query, limit: 8, within: beforeInSnapshot.matches, settled: beforeInSnapshot.settled)
            if narrowed != index.search(query, limit: 8, within: before.matches, settled: before.settled) {
                fatalError("typing on from \(typedSoFar.debugDescription) gave another outcome in the snapshot")
            }
        }
    }

    /// Built once per process: libFuzzer calls `run` millions of times.
    static let tree: Tree = {
        let loaded = TreeLoader().load(bytes: Array(catalogYAML.utf8), path: "fuzz-catalog.yaml")
        guard loaded.diagnostics.isEmpty, let tree = loaded.tree else { fatalError("the fuzz catalog does not load: \(loaded.diagnostics)") }
        return tree
    }()

    static let catalog = Catalog(trees: [tree])

    static let index = SearchIndex(catalog: catalog)

    static let wordIndex = WordIndex(catalog: catalog)

    /// The snapshot a search would save of this catalog, read back from its bytes.
    static let snapshot: SearchSnapshot = {
        let key = ContentDigest.of([1])
        guard let bytes = SearchSnapshot.encode(index, catalog: catalog, contentKey: key),
              let snapshot = SearchSnapshot(FileBytes(bytes), contentKey: key) else { fatalError("the fuzz catalog has no snapshot") }
        return snapshot
    }()

    /// Like the bundled trees in miniature: accents, capitals, camelCase, commands, links, inline nodes.
    private static let catalogYAML = """
    format: 1
    id: fuzz-vre
    title: Données et calcul à DÉSY
    description: A small catalog for fuzzing the search.
    start: start
    aliases:
      - [chat, mattermost]
    nodes:
      start:
        question: What do you need on the Virtual Research Environment?
        explain: Pick the closest; you can go back.
        tags: [vre, start, ESCAPE]
        choices:
          - label: Download data with Rucio
            hint: rucio download, did names
            goto: rucio-download
          - label: Ouvrir JupyterHub
            hint: Notebooks, Binder
            goto: jupyter
          - label: Get a grid certificate
            node:
              title: Certificat de grille (CERN CA)
              tags: [x509, certificate, voms-proxy-init]
              body: |
                Request it on the CERN Certification Authority site.
                Then convert the .p12 file with openssl.
              links:
                - url: https://ca.cern.ch/ca/
                  label: CERN CA
      rucio-download:
        title: Download a file with rucio
        tags: [rucio, data lake, DID, download]
        errors: ["Data identifier not found", "Cannot authenticate * with given credentials"]
        body: Use the scope:name form; ÄÖÜ and ß in file names are fine.
        commands:
          - run: rucio download {did}
            does: Fetches the file into the current directory
            placeholders:
              did:
                prompt: The data identifier
                default: user.jdoe:file.root
                pattern: '[a-z0-9._-]+:[^ ]+'
          - run: rucio whoami
            does: Shows your account (checkAuthToken)
      jupyter:
        title: JupyterHub sur la plateforme ✨ Notebooks 日本語
        tags: [jupyter, notebook, binder, hub]
        body: Start a server, pick a profile, and your $HOME persists between sessions.
        links:
          - url: https://jupyterhub.example.org/hub/login
            label: Sign in
          - url: mailto:vre-support@example.org
    """
}
