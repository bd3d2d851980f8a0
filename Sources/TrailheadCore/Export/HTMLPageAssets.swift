/// The inline style and script of the page `HTMLExport` writes.
enum HTMLPageAssets {
    static let style = """
    :root { color-scheme: light dark; --accent: #2f5fb3; --muted: #666; --line: #ccc; --code: #f3f3f3; }
    @media (prefers-color-scheme: dark) { :root { --accent: #8fb3ff; --muted: #aaa; --line: #444; --code: #222; } }
    body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 0 auto; padding: 1rem; }
    header h1 { margin-bottom: 0.2rem; }
    #tree-description, .hint, .does, .note { color: var(--muted); }
    #crumbs { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3rem; }
    #crumbs li + li::before { content: "›"; margin-right: 0.3rem; color: var(--muted); }
    #crumbs button { border: 0; background: none; color: var(--accent); padding: 0; font: inherit; cursor: pointer; text-decoration: underline; }
    #crumbs [aria-current] { font-weight: bold; }
    #controls { margin: 0.5rem 0 1rem; }
    .choices { list-style: none; padding: 0; }
    .choices li { margin: 0.4rem 0; }
    .choices button { width: 100%; text-align: left; padding: 0.6rem 0.8rem; font: inherit; border: 1px solid var(--line); border-radius: 6px; background: none; color: inherit; cursor: pointer; }
    .choices button:hover, .choices button:focus { border-color: var(--accent); }
    .hint { display: block; font-size: 0.9em; }
    .callout { border-left: 4px solid var(--line); padding: 0 0.8rem; margin: 0.8rem 0; }
    .callout.warning { border-color: #c60; }
    .callout .label { font-weight: bold; margin-bottom: 0; }
    pre { background: var(--code); padding: 0.6rem; overflow-x: auto; white-space: pre-wrap; }
    h2:focus { outline: none; }
    """

    /// Reads the tree from the JSON block and walks it. Text is only ever set with `textContent`,
    /// and only https, http and mailto links become `<a href>`.
    static let script = #"""
    (function () {
      "use strict";
      var data = JSON.parse(document.getElementById("\#(HTMLExport.dataElementID)").textContent);
      // Nodes by tree/node, of this tree and of the trees its answers lead into.
      var nodes = {};
      var titles = {};
      [data].concat(data.linked).forEach(function (tree) {
        titles[tree.id] = tree.title;
        tree.nodes.forEach(function (node) { nodes[tree.id + "/" + node.node] = node; });
      });
      var acceptedURL = /^(https:\/\/|http:\/\/|mailto:)/i;
      var page = document.getElementById("page");
      var crumbs = document.getElementById("crumbs");
      var back = document.getElementById("back");
      var trail = [];

      function element(tag, text, className) {
        var made = document.createElement(tag);
        if (text !== undefined && text !== null) { made.textContent = text; }
        if (className) { made.className = className; }
        return made;
      }

      function spans(list, into) {
        list.forEach(function (span) {
          if (span.text === "\n" && !span.code) { into.appendChild(document.createElement("br")); return; }
          into.appendChild(span.code ? element("code", span.text) : document.createTextNode(span.text));
        });
      }

      // Rich text as show --json gives it (docs/cli.md). A page cannot ask the reader's machine,
      // so a `when` section is shown with its condition, like a command's.
      function blocks(list, into) {
        list.forEach(function (block) {
          if (block.type === "paragraph") {
            var paragraph = element("p");
            spans(block.spans, paragraph);
            into.appendChild(paragraph);
          } else if (block.type === "list") {
            var numbered = block.items.length > 0 && block.items[0].marker !== "•";
            var items = element(numbered ? "ol" : "ul");
            if (numbered) { items.start = parseInt(block.items[0].marker, 10) || 1; }
            block.items.forEach(function (entry) {
              var item = element("li");
              spans(entry.spans, item);
              items.appendChild(item);
            });
            into.appendChild(items);
          } else if (block.type === "code") {
            var pre = element("pre");
            pre.appendChild(element("code", block.text));
            into.appendChild(pre);
          } else {
            var box = element("div", null, "callout " + (block.type === "warning" ? "warning" : "note"));
            var label = block.type === "when" ? "For " + block.condition : block.type === "warning" ? "Warning" : "Note";
            box.appendChild(element("p", label, "label"));
            blocks(block.blocks, box);
            into.appendChild(box);
          }
        });
      }

      function split(target) {
        var slash = target.indexOf("/");
        return { tree: target.slice(0, slash), node: target.slice(slash + 1) };
      }

      function go(target, answer) {
        trail.push({ target: target, answer: answer });
        show();
      }

      function choiceButton(text, hint, onClick) {
        var item = element("li");
        var button = element("button");
        button.type = "button";
        button.appendChild(element("span", text));
        if (hint) { button.appendChild(element("span", hint, "hint")); }
        button.addEventListener("click", onClick);
        item.appendChild(button);
        return item;
      }

      function showQuestion(node) {
        page.appendChild(element("h2", node.question));
    \#(textSections(FormatKeys.questionTexts.map(\.field), leadInBlock: false))    var list = element("ul", null, "choices");
        node.choices.forEach(function (choice) {
          var hint = choice.when ? (choice.hint ? choice.hint + " · " : "") + "for " + choice.when.condition : choice.hint;
          list.appendChild(choiceButton(choice.label, hint, function () { go(choice.target, choice.label); }));
        });
        page.appendChild(list);
      }

      function showResource(node) {
        page.appendChild(element("h2", node.title));
    \#(textSections(FormatKeys.resourceTexts.map(\.field), leadInBlock: true))    var links = node.links.filter(function (link) { return acceptedURL.test(link.url); });
        if (links.length > 0) {
          page.appendChild(element("h3", "Links"));
          var list = element("ul");
          links.forEach(function (link) {
            var anchor = element("a", link.label);
            anchor.href = link.url;
            anchor.rel = "noopener noreferrer";
            anchor.target = "_blank";
            var item = element("li");
            item.appendChild(anchor);
            if (link.when) { item.appendChild(element("span", " (for " + link.when.condition + ")", "note")); }
            list.appendChild(item);
          });
          page.appendChild(list);
        }
        if (node.commands.length > 0) {
          page.appendChild(element("h3", "Commands"));
          node.commands.forEach(function (command) {
            page.appendChild(element("p", command.does, "does"));
            // A page cannot ask the reader's machine, so every command is shown with its condition.
            if (command.when) { page.appendChild(element("p", "For " + command.when.condition, "note")); }
            var pre = element("pre");
            pre.appendChild(element("code", command.run));
            page.appendChild(pre);
            command.placeholders.forEach(function (placeholder) {
              var text = "{" + placeholder.name + "}: " + placeholder.prompt;
              if (placeholder.default !== null) { text += " (default: " + placeholder.default + ")"; }
              page.appendChild(element("p", text, "note"));
            });
          });
        }
        if (node.seeAlso.length > 0) {
          page.appendChild(element("h3", "See also"));
          var related = element("ul", null, "choices");
          node.seeAlso.forEach(function (entry) {
            var title = entry.title || entry.target;
            related.appendChild(choiceButton(title, null, function () { go(entry.target, "See also: " + title); }));
          });
          page.appendChild(related);
        }
        // As Catalog.stewardshipLine writes it in the terminal.
        if (node.reviewed || node.owner) {
          var kept = node.reviewed ? "Reviewed " + node.reviewed + (node.owner ? " · " + node.owner.name : "") : "Kept by " + node.owner.name;
          page.appendChild(element("p", kept, "note"));
        }
      }

      function showElsewhere(target) {
        var place = split(target);
        page.appendChild(element("h2", "This continues in another guide"));
        page.appendChild(element("p", "The answer leads to '" + place.node + "' in the tree '" + place.tree +
          "', which was not loaded when this page was made. Open it in Trailhead:", "note"));
        var pre = element("pre");
        pre.appendChild(element("code", "trailhead " + target));
        page.appendChild(pre);
      }

      // As Catalog.breadcrumbParts writes it in the terminal: where the walk crosses into another
      // guide, that guide's title after an arrow.
      function showCrumbs() {
        crumbs.textContent = "";
        trail.forEach(function (step, index) {
          var item = element("li");
          var label = index === 0 ? "Start" : step.answer;
          if (index === trail.length - 1) {
            var current = element("span", label);
            current.setAttribute("aria-current", "step");
            item.appendChild(current);
          } else {
            var button = element("button", label);
            button.type = "button";
            button.addEventListener("click", function () {
              trail = trail.slice(0, index + 1);
              show();
            });
            item.appendChild(button);
          }
          crumbs.appendChild(item);
          var tree = split(step.target).tree;
          if (index > 0 && tree !== split(trail[index - 1].target).tree) {
            crumbs.appendChild(element("li", "→ " + (titles[tree] || tree), "handover"));
          }
        });
      }

      function show() {
        var target = trail[trail.length - 1].target;
        var place = split(target);
        var node = nodes[target];
        page.textContent = "";
        if (node && place.tree !== data.id) {
          page.appendChild(element("p", "From the guide “" + titles[place.tree] + "”", "note handover"));
        }
        if (!node) { showElsewhere(target); } else if (node.kind === "question") { showQuestion(node); } else { showResource(node); }
        showCrumbs();
        back.disabled = trail.length < 2;
        var heading = page.querySelector("h2");
        heading.tabIndex = -1;
        if (trail.length > 1) { heading.focus(); }
      }

      back.addEventListener("click", function () {
        if (trail.length > 1) { trail.pop(); show(); }
      });
      document.getElementById("restart").addEventListener("click", function () {
        trail = trail.slice(0, 1);
        show();
      });
      document.title = data.title;
      document.getElementById("tree-title").textContent = data.title;
      document.getElementById("tree-description").textContent = data.description;
      go(data.id + "/" + data.start, null);
    })();
    """#

    /// The statements that show each declared text field: a lead paragraph (a resource's in a
    /// `div.body` block), or a section under its heading.
    private static func textSections(_ fields: [TextField], leadInBlock: Bool) -> String {
        fields.map { field in
            // JSON names are identifiers (a test holds every declaration to it), so `node.name` is safe.
            let name = field.jsonName
            let blocks = "node.\(name)Blocks"
            if let heading = field.heading {
                let title = JSONValue.string(heading).serialized(pretty: false)
                return "    if (\(blocks)) { page.appendChild(element(\"h3\", \(title))); blocks(\(blocks), page); }\n"
            }
            guard leadInBlock else { return "    if (\(blocks)) { blocks(\(blocks), page); }\n" }
            return """
                if (\(blocks)) {
                  var \(name) = element("div", null, "body");
                  blocks(\(blocks), \(name));
                  page.appendChild(\(name));
                }

            """
        }.joined()
    }
}
