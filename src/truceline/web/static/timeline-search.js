// truceline, published site only: search the timeline in the browser.
//
// A published site has no server to run the live dashboard's search, and its
// timeline is split into pages of 50, so no page holds every record to filter
// in place. `truceline publish` writes data/timeline-index.js instead: every
// accepted record as [id, date, kind, parties, text, link], assigned to
// window.trucelineTimeline. It is loaded as a script, not fetched as JSON,
// because browsers refuse fetch() on pages opened from disk (file://).
//
// Record text only ever reaches the page through textContent and attributes.
(function () {
  "use strict";

  var LIMIT = 200; // entries drawn at once: enough to scan, cheap to build
  var form = document.getElementById("static-search");
  if (!form) return;
  var box = document.getElementById("search-results");
  var paged = document.getElementById("results");
  var fields = {
    q: document.getElementById("s-q"),
    kind: document.getElementById("s-kind"),
    party: document.getElementById("s-party"),
  };

  // Lower case without accents, so "Hayya" finds "Ḥayya" and "gaza" finds "Gaza".
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // A row of the index; its link is relative to the index file, not to this page.
  function toEntry(row, base) {
    return {
      id: row[0],
      date: row[1],
      kind: row[2],
      parties: row[3],
      text: row[4],
      link: row[5] && new URL(row[5], base).href,
      words: fold([row[4], row[3].join(" "), row[0], row[1] || ""].join(" ")),
    };
  }

  function addOptions(select, values) {
    values.forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = value;
      select.appendChild(option);
    });
  }

  function distinct(entries, pick) {
    var seen = {};
    entries.forEach(function (entry) {
      [].concat(pick(entry)).forEach(function (value) {
        seen[value] = true;
      });
    });
    return Object.keys(seen).sort(function (a, b) {
      return a.localeCompare(b);
    });
  }

  function matcher() {
    var words = fold(fields.q.value).split(/\s+/).filter(Boolean);
    var kind = fields.kind.value;
    var party = fields.party.value;
    if (!words.length && !kind && !party) return null;
    return function (entry) {
      return (
        (!kind || entry.kind === kind) &&
        (!party || entry.parties.indexOf(party) >= 0) &&
        words.every(function (word) {
          return entry.words.indexOf(word) >= 0;
        })
      );
    };
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // The markup of a timeline entry (render.record_line), with what the index holds.
  // Its text is the record in words (model.describe): only a verbatim statement is
  // in quotation marks; a paraphrase reads "Speaker (paraphrase): …", never quoted.
  function draw(entry) {
    var article = element("article", "entry kind-" + entry.kind);
    var when = article.appendChild(element("div", "when"));
    if (entry.date) {
      when.appendChild(element("time", "", entry.date)).setAttribute("datetime", entry.date);
    } else {
      when.appendChild(element("span", "muted", "undated"));
    }
    var head = article.appendChild(element("div", "what")).appendChild(element("p", "head"));
    head.appendChild(element("span", "kind", entry.kind));
    head.appendChild(document.createTextNode(" "));
    if (entry.link) {
      head.appendChild(element("a", "", entry.text)).setAttribute("href", entry.link);
    } else {
      head.appendChild(document.createTextNode(entry.text));
    }
    return article;
  }

  function heading(count) {
    var text = count.toLocaleString("en") + (count === 1 ? " record" : " records");
    var q = fields.q.value.trim();
    return q ? text + " matching “" + q + "”" : text;
  }

  function show(entries, match) {
    var found = entries.filter(match);
    var list = box.querySelector(".found");
    var more = box.querySelector(".more");
    list.replaceChildren.apply(list, found.slice(0, LIMIT).map(draw));
    if (!found.length) list.appendChild(element("p", "muted", "Nothing matches these filters."));
    box.querySelector("h2.count").textContent = heading(found.length);
    more.textContent = "Showing the first " + LIMIT + "; add words to narrow the search.";
    more.hidden = found.length <= LIMIT;
  }

  function update(entries) {
    var match = matcher();
    if (match) show(entries, match);
    box.hidden = !match;
    if (paged) paged.hidden = Boolean(match);
  }

  function start(index, base) {
    var entries = index.records.map(function (row) {
      return toEntry(row, base);
    });
    addOptions(fields.kind, distinct(entries, function (entry) { return entry.kind; }));
    addOptions(fields.party, distinct(entries, function (entry) { return entry.parties; }));
    form.addEventListener("input", function () { update(entries); });
    // The site allows no form submission: Enter searches in place.
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update(entries);
    });
    form.hidden = false;
    update(entries);
  }

  var script = document.createElement("script");
  script.src = form.getAttribute("data-index");
  script.addEventListener("load", function () {
    if (window.trucelineTimeline) start(window.trucelineTimeline, script.src);
  });
  document.head.appendChild(script);
})();
