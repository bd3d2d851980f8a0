// Runs the script of a page written by `trailhead export --format html` against a minimal DOM,
// clicks through it and prints what the page shows after each step, as JSON.
// Usage: node walk-page.js ACTION... < page.html   (ACTION: button:N, link, back, restart, crumb:N)
"use strict";
const fs = require("fs");

const html = fs.readFileSync(0, "utf8");
const data = /<script type="application\/json" id="trailhead-tree">([\s\S]*?)<\/script>/.exec(html)[1];
const code = /<script>\n([\s\S]*?)<\/script>/.exec(html)[1];

class Element {
  constructor(tag) {
    this.tagName = tag.toUpperCase();
    this.children = [];
    this.ownText = "";
    this.attributes = {};
    this.listeners = {};
    this.className = "";
    this.disabled = false;
  }
  get textContent() { return this.ownText + this.children.map((child) => child.textContent).join(""); }
  set textContent(text) { this.ownText = String(text); this.children = []; }
  set innerHTML(_) { throw new Error("innerHTML used"); }
  appendChild(child) { this.children.push(child); return child; }
  setAttribute(name, value) { this.attributes[name] = String(value); }
  addEventListener(type, listener) { (this.listeners[type] = this.listeners[type] || []).push(listener); }
  click() { (this.listeners.click || []).forEach((listener) => listener()); }
  focus() { focused = this; }
  all(tag) {
    const found = [];
    const visit = (element) => element.children.forEach((child) => {
      if (child.tagName === tag.toUpperCase()) found.push(child);
      visit(child);
    });
    visit(this);
    return found;
  }
  querySelector(tag) { return this.all(tag)[0] || null; }
}

let focused = null;
const byID = {};
for (const id of ["page", "crumbs", "back", "restart", "tree-title", "tree-description", "trailhead-tree"]) {
  byID[id] = new Element(id === "back" || id === "restart" ? "button" : "div");
}
byID["trailhead-tree"].textContent = data;
global.document = {
  title: "",
  getElementById: (id) => byID[id] || null,
  createElement: (tag) => new Element(tag),
  createTextNode: (text) => { const node = new Element("#text"); node.ownText = String(text); return node; },
  write: () => { throw new Error("document.write used"); },
};

new Function(code)();

const page = byID.page;
function snapshot() {
  return {
    title: document.title,
    heading: page.querySelector("h2").textContent,
    focused: focused === page.querySelector("h2"),
    buttons: page.all("button").map((button) => button.textContent),
    links: page.all("a").map((a) => ({ text: a.textContent, href: a.href, rel: a.rel, target: a.target })),
    code: page.all("pre").map((pre) => pre.textContent),
    allCode: page.all("code").map((code) => code.textContent),
    callouts: page.all("div").filter((div) => div.className.startsWith("callout")).map((div) => div.className + ": " + div.textContent),
    items: page.all("li").map((li) => li.textContent),
    crumbs: byID.crumbs.all("li").map((li) => li.textContent),
    handover: page.all("p").filter((p) => p.className.includes("handover")).map((p) => p.textContent),
    backDisabled: byID.back.disabled,
  };
}

const steps = [snapshot()];
for (const action of process.argv.slice(2)) {
  const [verb, number] = action.split(":");
  if (verb === "button") page.all("button")[Number(number) - 1].click();
  else if (verb === "crumb") byID.crumbs.all("button")[Number(number) - 1].click();
  else byID[verb].click();
  steps.push(snapshot());
}
process.stdout.write(JSON.stringify(steps));
