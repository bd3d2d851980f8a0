// Opens a page written by `trailhead export --format html` in headless Chromium, clicks
// through it as a person would, and prints what the page shows after each step (one JSON
// object per line). Chromium is driven over --remote-debugging-pipe (fds 3 and 4), so no
// port, no WebSocket library and no network are involved.
// Usage: node browser-walk.js CHROMIUM PAGE.html ACTION...
//   ACTION: choose:TEXT (click the button whose text starts with TEXT), back, restart
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const [chromiumPath, pagePath, ...actions] = process.argv.slice(2);
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "trailhead-chromium-"));
const browser = spawn(chromiumPath, [
  "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-pipe",
  `--user-data-dir=${profile}`, "about:blank",
], { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"], detached: true });

const pending = new Map();
let nextID = 1;
let buffered = "";
browser.stdio[4].on("data", (chunk) => {
  buffered += chunk.toString("utf8");
  let end;
  while ((end = buffered.indexOf("\0")) >= 0) {
    const message = JSON.parse(buffered.slice(0, end));
    buffered = buffered.slice(end + 1);
    const waiter = pending.get(message.id);
    if (waiter) {
      pending.delete(message.id);
      if (message.error) waiter.reject(new Error(JSON.stringify(message.error)));
      else waiter.resolve(message.result);
    }
  }
});

function send(method, params = {}, sessionId) {
  const id = nextID++;
  const message = { id, method, params };
  if (sessionId) message.sessionId = sessionId;
  browser.stdio[3].write(JSON.stringify(message) + "\0");
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}

async function evaluate(session, expression) {
  const result = await send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true }, session);
  if (result.exceptionDetails) throw new Error(JSON.stringify(result.exceptionDetails));
  return result.result.value;
}

const snapshot = `(() => {
  const main = document.getElementById("page");
  return {
    heading: (main.querySelector("h2") || {}).textContent || "",
    buttons: Array.from(main.querySelectorAll("button")).map((b) => b.textContent),
    links: Array.from(main.querySelectorAll("a")).map((a) => [a.textContent, a.getAttribute("href"), a.getAttribute("rel")]),
    commands: Array.from(main.querySelectorAll("pre")).map((p) => p.textContent),
    crumbs: document.getElementById("crumbs").textContent,
    backDisabled: document.getElementById("back").disabled,
    scripts: document.scripts.length,
    images: document.images.length,
    title: document.title,
  };
})()`;

function click(text) {
  return `(() => {
    const wanted = ${JSON.stringify(text)};
    const button = Array.from(document.querySelectorAll("#page button")).find((b) => b.textContent.startsWith(wanted));
    if (!button) throw new Error("no button starting with " + wanted);
    button.click();
    return true;
  })()`;
}

async function main() {
  const { targetInfos } = await send("Target.getTargets");
  const page = targetInfos.find((target) => target.type === "page");
  const { sessionId } = await send("Target.attachToTarget", { targetId: page.targetId, flatten: true });
  await send("Page.enable", {}, sessionId);
  await send("Page.navigate", { url: "file://" + path.resolve(pagePath) }, sessionId);
  for (let tries = 0; tries < 100; tries++) {
    const ready = await evaluate(sessionId, `document.readyState === "complete" && !!document.querySelector("#page h2")`);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  console.log(JSON.stringify({ action: "open", ...(await evaluate(sessionId, snapshot)) }));
  for (const action of actions) {
    if (action.startsWith("choose:")) await evaluate(sessionId, click(action.slice(7)));
    else await evaluate(sessionId, `document.getElementById(${JSON.stringify(action)}).click(), true`);
    console.log(JSON.stringify({ action, ...(await evaluate(sessionId, snapshot)) }));
  }
}

// Chromium runs in its own process group, so its renderer and helper processes are killed with
// it and stop writing into the profile before it is removed.
function killBrowser() {
  try { process.kill(-browser.pid, "SIGKILL"); } catch { browser.kill("SIGKILL"); }
}
const watchdog = setTimeout(() => { console.error("timed out"); killBrowser(); process.exit(3); }, 30000);
function finish(status) {
  clearTimeout(watchdog);
  browser.once("exit", () => {
    // A helper that outlived the group kill must not turn a finished walk into a failure.
    try { fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }); } catch (error) {
      console.error(`could not remove ${profile}: ${error.message}`);
    }
    process.exit(status);
  });
  killBrowser();
}
main().then(() => finish(0), (error) => { console.error(error.message); finish(1); });
