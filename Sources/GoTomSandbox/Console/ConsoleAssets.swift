import HTTPTypes

/// The web console's three static files, served under `/_sandbox/` with no build step and nothing fetched from
/// elsewhere (no CDN, no external fonts).
///
/// The page polls `/_sandbox/requests` and `/_sandbox/state`. Everything received is put into the page as text,
/// never as HTML, because request targets and user names come from clients.
enum ConsoleAssets {
    enum File {
        case html
        case script
        case style
    }

    static func reply(_ file: File) -> SandboxReply {
        let (contentType, text): (String, String)
        switch file {
        case .html: (contentType, text) = ("text/html; charset=utf-8", html)
        case .script: (contentType, text) = ("text/javascript; charset=utf-8", script)
        case .style: (contentType, text) = ("text/css; charset=utf-8", style)
        }
        var reply = SandboxReply(status: .ok, contentType: contentType, body: .bytes(Array(text.utf8)))
        reply.extraHeaders.append((.init("Content-Security-Policy")!, "default-src 'self'"))
        return reply
    }

    static let html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>gotom sandbox</title>
        <link rel="stylesheet" href="/_sandbox/console.css">
        </head>
        <body>
        <header>
          <h1>gotom sandbox</h1>
          <span id="health">connecting…</span>
          <button id="reset" type="button">Reset to start-up data</button>
        </header>
        <div id="token-box" hidden>
          <label>Control token <input id="token" type="password" autocomplete="off"></label>
          <button id="token-save" type="button">Use</button>
        </div>
        <main>
          <section id="journal-section">
            <h2>Requests <small id="journal-count"></small></h2>
            <table id="journal">
              <thead><tr><th>#</th><th>time</th><th>method</th><th>target</th><th>status</th><th>ms</th>
              <th>user</th><th>verdict</th></tr></thead>
              <tbody></tbody>
            </table>
          </section>
          <aside>
            <section id="faults-section">
              <h2>Faults</h2>
              <form id="fault-form">
                <input id="fault-method" placeholder="method or *" value="*" size="6">
                <input id="fault-path" placeholder="/app-api/*" value="/app-api/*" size="18">
                <select id="fault-kind">
                  <option value="503">503</option><option value="429">429 + Retry-After</option>
                  <option value="500">500</option><option value="502">502</option>
                  <option value="latency">latency 1000 ms</option>
                  <option value="before-head">drop before head</option>
                  <option value="after-head">drop after head</option>
                </select>
                <input id="fault-times" placeholder="times" size="4">
                <input id="fault-probability" placeholder="probability" size="6">
                <button type="submit">Add</button>
              </form>
              <ul id="faults"></ul>
            </section>
            <section id="state-section">
              <h2>Campaigns</h2>
              <ul id="campaigns"></ul>
              <h2>Customers</h2>
              <ul id="customers"></ul>
            </section>
          </aside>
        </main>
        <script src="/_sandbox/console.js"></script>
        </body>
        </html>

        """

    static let style = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #1d2330; background: #f6f7f9; }
        header { display: flex; gap: 1em; align-items: center; padding: .5em 1em; background: #1d2330; color: #fff; }
        header h1 { font-size: 1.1em; margin: 0; }
        main { display: flex; gap: 1em; padding: 1em; align-items: flex-start; }
        #journal-section { flex: 3; min-width: 0; }
        aside { flex: 1; min-width: 18em; }
        h2 { font-size: 1em; margin: .5em 0; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { text-align: left; padding: 2px 6px; border-bottom: 1px solid #e3e5ea; vertical-align: top; }
        td.target { font-family: monospace; word-break: break-all; }
        .verdict-accepted { color: #1a7f37; }
        .verdict-rejected, .verdict-forbidden { color: #b42318; font-weight: bold; }
        .verdict-fault { color: #9a6700; font-weight: bold; }
        tr.diagnosis td { background: #fff5f5; }
        .parts td, .parts th { font-family: monospace; border: 0; padding: 0 6px; }
        .differs { background: #ffd8d8; }
        .same { color: #1a7f37; }
        textarea { width: 100%; min-height: 6em; font-family: monospace; }
        ul { padding-left: 1.2em; background: #fff; }
        #token-box { padding: .5em 1em; background: #fff3cd; }

        """

    static let script = #"""
        "use strict";
        const parts = [["method", "method"], ["bodyMD5", "body MD5"], ["contentType", "content type"],
          ["date", "Date"], ["customHeaders", "custom headers"], ["uri", "URI"]];
        let lastId = 0;
        let token = sessionStorage.getItem("gotom-sandbox-token") || "";

        function el(tag, text, className) {
          const node = document.createElement(tag);
          if (text !== undefined && text !== null) node.textContent = String(text);
          if (className) node.className = className;
          return node;
        }

        async function call(method, path, body) {
          const headers = {};
          if (token) headers["Authorization"] = "Bearer " + token;
          if (body !== undefined) headers["Content-Type"] = "application/json";
          const response = await fetch("/_sandbox" + path, {
            method, headers, body: body === undefined ? undefined : JSON.stringify(body)
          });
          if (response.status === 401) {
            document.getElementById("token-box").hidden = false;
            throw new Error("the control plane needs its token");
          }
          return response.json();
        }

        // Compares the client's string-to-sign with the sandbox's, part by part (they are joined by newlines;
        // the custom-header block, usually empty, may itself span lines).
        function compare(canonical, pasted, output) {
          output.textContent = "";
          const theirs = pasted.replace(/\r\n/g, "\n").split("\n");
          const ours = parts.map(([key]) => canonical[key]);
          const headerLines = canonical.customHeaders === "" ? 1 : canonical.customHeaders.split("\n").length;
          const given = theirs.slice(0, 4).concat([theirs.slice(4, 4 + headerLines).join("\n")],
            [theirs.slice(4 + headerLines).join("\n")]);
          let first = null;
          parts.forEach(([key, label], index) => {
            const same = given[index] === ours[index];
            if (!same && first === null) first = label;
            const line = el("div", (same ? "same  " : "DIFFERS ") + label + ": " + JSON.stringify(given[index] ?? ""),
              same ? "same" : "differs");
            line.dataset.part = key;
            output.appendChild(line);
          });
          output.prepend(el("strong", first === null ? "All six parts match: check the secret."
            : "First difference: " + first));
        }

        function diagnosisRow(entry) {
          const row = el("tr", null, "diagnosis");
          row.dataset.for = entry.id;
          const cell = el("td");
          cell.colSpan = 8;
          cell.appendChild(el("div", "Failed check: " + entry.check, "check"));
          if (entry.canonical) {
            const table = el("table", null, "parts");
            parts.forEach(([key, label]) => {
              const tr = el("tr");
              tr.appendChild(el("th", label));
              tr.appendChild(el("td", JSON.stringify(entry.canonical[key])));
              tr.dataset.part = key;
              table.appendChild(tr);
            });
            cell.appendChild(el("div", "The sandbox signed these parts (the secret is never shown):"));
            cell.appendChild(table);
            const box = el("textarea");
            box.placeholder = "Paste your client's string-to-sign here (gotom sign --explain prints it)";
            const output = el("div", null, "comparison");
            box.addEventListener("input", () => compare(entry.canonical, box.value, output));
            cell.appendChild(box);
            cell.appendChild(output);
          }
          row.appendChild(cell);
          return row;
        }

        function addEntry(entry) {
          const body = document.querySelector("#journal tbody");
          const row = el("tr");
          row.dataset.id = entry.id;
          row.dataset.verdict = entry.verdict;
          const time = new Date(entry.time * 1000).toISOString().substring(11, 19);
          [entry.id, time, entry.method].forEach((value) => row.appendChild(el("td", value)));
          row.appendChild(el("td", entry.target, "target"));
          [entry.status, entry.durationMs.toFixed(1), entry.user || "-"].forEach((v) => row.appendChild(el("td", v)));
          row.appendChild(el("td", entry.verdict + (entry.fault ? " (" + entry.fault + ")" : ""),
            "verdict-" + entry.verdict));
          const diagnosis = entry.check ? diagnosisRow(entry) : null;
          if (diagnosis) body.prepend(diagnosis);
          body.prepend(row);
        }

        async function pollJournal() {
          try {
            const page = await call("GET", "/requests?since=" + lastId);
            page.entries.forEach(addEntry);
            lastId = Math.max(lastId, page.lastId);
            document.getElementById("journal-count").textContent =
              "(" + document.querySelectorAll("#journal tbody tr[data-id]").length + " shown, up to " +
              page.capacity + " kept)";
          } catch (error) { /* shown by the health line */ }
        }

        function fill(list, items) {
          list.textContent = "";
          items.forEach((item) => list.appendChild(item));
        }

        async function pollState() {
          try {
            const health = await call("GET", "/health");
            document.getElementById("health").textContent = (health.ready ? "ready" : "starting") + " · v" +
              health.version + " · up " + Math.round(health.uptimeSeconds) + " s";
            const state = await call("GET", "/state");
            fill(document.getElementById("campaigns"), state.campaigns.map((campaign) => {
              const item = el("li", campaign.externalId + " — " + campaign.name + " (" + campaign.status + ")");
              const sub = el("ul");
              campaign.flights.forEach((f) => sub.appendChild(el("li", "flight " + f.externalId + " " + f.start +
                "…" + f.end)));
              campaign.discounts.forEach((d) => sub.appendChild(el("li", "discount " + (d.externalId || "-") +
                " " + d.name + (d.flightDiscounts.length ? ": " + d.flightDiscounts.map((fd) =>
                (fd.externalId || "-") + "→" + fd.flightExternalId).join(", ") : ""))));
              item.appendChild(sub);
              return item;
            }));
            fill(document.getElementById("customers"), state.customers.map((c) =>
              el("li", c.externalCrmId + " — " + c.firm)));
            const faults = await call("GET", "/faults");
            fill(document.getElementById("faults"), faults.faults.map((rule) => {
              const item = el("li", (rule.method || "*") + " " + rule.path + " " + JSON.stringify(rule));
              const remove = el("button", "remove");
              remove.addEventListener("click", async () => {
                await call("DELETE", "/faults/" + rule.id);
                pollState();
              });
              item.appendChild(remove);
              return item;
            }));
          } catch (error) {
            document.getElementById("health").textContent = String(error.message || error);
          }
        }

        document.getElementById("reset").addEventListener("click", async () => {
          await call("POST", "/reset");
          document.querySelector("#journal tbody").textContent = "";
          pollState();
        });

        document.getElementById("token-save").addEventListener("click", () => {
          token = document.getElementById("token").value;
          sessionStorage.setItem("gotom-sandbox-token", token);
          document.getElementById("token-box").hidden = true;
          pollState();
        });

        document.getElementById("fault-form").addEventListener("submit", async (event) => {
          event.preventDefault();
          const kind = document.getElementById("fault-kind").value;
          const rule = { method: document.getElementById("fault-method").value || "*",
            path: document.getElementById("fault-path").value || "*" };
          if (kind === "latency") rule.latencyMs = 1000;
          else if (kind.endsWith("-head")) rule.drop = kind;
          else rule.status = Number(kind);
          const times = document.getElementById("fault-times").value;
          const probability = document.getElementById("fault-probability").value;
          if (times) rule.times = Number(times);
          if (probability) rule.probability = Number(probability);
          await call("POST", "/faults", rule);
          pollState();
        });

        pollState();
        pollJournal();
        setInterval(pollJournal, 500);
        setInterval(pollState, 3000);

        """#
}
