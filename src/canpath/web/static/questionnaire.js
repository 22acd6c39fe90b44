/* canpath questionnaire: conditions, repeated entries, progress saved in this browser,
   and NOC search by job title. No library; the page works without it (less comfortably). */
(function () {
  "use strict";

  var form = document.querySelector("form[data-lang]");
  if (!form) return;
  var lang = form.dataset.lang;
  var storeKey = "canpath." + (form.dataset.store || "questionnaire") + ".v1";
  var strings = {};
  var stringsNode = document.getElementById("page-strings");
  if (stringsNode) strings = JSON.parse(stringsNode.textContent);
  var ATTRIBUTES = ["name", "id", "for", "aria-describedby", "aria-controls", "data-prefix", "data-noc-search", "data-noc-title-for"];

  function controls(name) {
    return form.querySelectorAll('[name="' + CSS.escape(name) + '"]');
  }

  /* The answer to a question, "" when it is hidden (so conditions chain). */
  function answer(name) {
    var found = "";
    controls(name).forEach(function (control) {
      if (control.closest("[hidden]")) return;
      if (control.type === "radio") { if (control.checked) found = control.value; }
      else found = control.value;
    });
    return found;
  }

  function holds(element, condition) {
    var match = condition.match(/^([^!=]+)(!?=)(.*)$/);
    if (!match) return true;
    var name = match[1];
    if (name.charAt(0) === ".") {
      var entry = element.closest("[data-prefix]");
      name = (entry ? entry.dataset.prefix : "") + name.slice(1);
    }
    var isIn = match[3].split(",").indexOf(answer(name)) >= 0;
    return match[2] === "=" ? isIn : !isIn;
  }

  /* Show what the rules need, hide the rest; hidden answers are not sent. */
  function applyConditions() {
    for (var pass = 0; pass < 2; pass++) {
      form.querySelectorAll("[data-when]").forEach(function (element) {
        element.hidden = !element.dataset.when.split(";").every(function (condition) {
          return holds(element, condition);
        });
      });
    }
    form.querySelectorAll("[name]").forEach(function (control) {
      if (control.name !== "_lang") control.disabled = !!control.closest("[hidden]");
    });
  }

  /* Repeated entries (education, work, tests): add, remove, renumber. */
  function renamed(value, from, to) {
    var fromId = "f-" + from.replace(/\./g, "-"), toId = "f-" + to.replace(/\./g, "-");
    return value.split(" ").map(function (token) {
      if (token.indexOf(from) === 0) return to + token.slice(from.length);
      if (token.indexOf(fromId) === 0) return toId + token.slice(fromId.length);
      return token;
    }).join(" ");
  }

  function renumber(container) {
    var path = container.dataset.repeat;
    container.querySelectorAll(":scope > .entries > [data-entry]").forEach(function (entry, index) {
      var from = entry.dataset.prefix, to = path + "." + index + ".";
      entry.querySelector("[data-entry-number]").textContent = String(index + 1);
      if (from === to) return;
      [entry].concat(Array.from(entry.querySelectorAll("*"))).forEach(function (node) {
        ATTRIBUTES.forEach(function (attribute) {
          var value = node.getAttribute(attribute);
          if (value) node.setAttribute(attribute, renamed(value, from, to));
        });
      });
    });
  }

  function addEntry(container) {
    var entries = container.querySelector(".entries");
    var index = entries.children.length;
    var html = container.querySelector("template").innerHTML
      .split(".__i__.").join("." + index + ".")
      .split("-__i__-").join("-" + index + "-");
    entries.insertAdjacentHTML("beforeend", html);
    renumber(container);
    return entries.lastElementChild;
  }

  form.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (!button) return;
    var container = button.closest("[data-repeat]");
    if (button.dataset.action === "add" && container) {
      var entry = addEntry(container);
      applyConditions();
      var first = entry.querySelector("input:not([type=hidden]), select");
      if (first) first.focus();
    } else if (button.dataset.action === "remove" && container) {
      button.closest("[data-entry]").remove();
      renumber(container);
      var add = container.querySelector('[data-action="add"]');
      if (add) add.focus();
    } else if (button.dataset.action === "reset") {
      if (window.confirm(strings.reset_confirm || "?")) {
        localStorage.removeItem(storeKey);
        window.location.reload();
      }
      return;
    } else {
      return;
    }
    applyConditions();
    save();
  });

  /* Progress stays in this browser (localStorage); the server keeps nothing. */
  function save() {
    var state = { counts: {}, values: {}, titles: {} };
    form.querySelectorAll("[data-repeat]").forEach(function (container) {
      state.counts[container.dataset.repeat] = container.querySelector(".entries").children.length;
    });
    form.querySelectorAll("[name]").forEach(function (control) {
      if (control.name === "_lang" || control.type === "file") return;
      if (control.type === "radio") { if (control.checked) state.values[control.name] = control.value; }
      else state.values[control.name] = control.value;
    });
    form.querySelectorAll("[data-noc-title-for]").forEach(function (node) {
      state.titles[node.dataset.nocTitleFor] = node.textContent;
    });
    try { localStorage.setItem(storeKey, JSON.stringify(state)); } catch (error) { /* storage full or off */ }
  }

  function restore() {
    var state;
    try { state = JSON.parse(localStorage.getItem(storeKey) || "null"); } catch (error) { state = null; }
    if (!state) return;
    form.querySelectorAll("[data-repeat]").forEach(function (container) {
      var wanted = state.counts[container.dataset.repeat];
      var entries = container.querySelector(".entries");
      if (typeof wanted !== "number") return;
      while (entries.children.length < wanted) addEntry(container);
      while (entries.children.length > wanted) entries.lastElementChild.remove();
    });
    Object.keys(state.values).forEach(function (name) {
      controls(name).forEach(function (control) {
        if (control.type === "radio") control.checked = control.value === state.values[name];
        else control.value = state.values[name];
      });
    });
    form.querySelectorAll("[data-noc-title-for]").forEach(function (node) {
      node.textContent = state.titles[node.dataset.nocTitleFor] || "";
    });
  }

  var saveTimer = null;
  form.addEventListener("input", function () {
    applyConditions();
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, 250);
  });
  form.addEventListener("change", function () { applyConditions(); save(); });

  /* NOC 2021 search by job title: a combobox over /api/noc. */
  function setTitle(codeName, text) {
    var node = form.querySelector('[data-noc-title-for="' + CSS.escape(codeName) + '"]');
    if (node) node.textContent = text;
  }

  function search(query) {
    return fetch("/api/noc?limit=8&lang=" + lang + "&q=" + encodeURIComponent(query))
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { return data.results; });
  }

  function choose(input, list, result) {
    var code = form.querySelector('[name="' + CSS.escape(input.dataset.nocSearch) + '"]');
    if (code) {
      code.value = result.code;
      code.dispatchEvent(new Event("input", { bubbles: true }));
    }
    setTitle(input.dataset.nocSearch, result.code + ": " + result.unit_group);
    close(input, list);
  }

  function close(input, list) {
    list.hidden = true;
    list.innerHTML = "";
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function show(input, list, results) {
    list.innerHTML = "";
    results.forEach(function (result, index) {
      var item = document.createElement("li");
      item.id = input.id + "-option-" + index;
      item.setAttribute("role", "option");
      item.textContent = result.title;
      var detail = document.createElement("small");
      detail.textContent = result.code + " · " + result.unit_group + " · " + strings.teer + " " + result.teer;
      item.appendChild(detail);
      item.addEventListener("mousedown", function (event) { event.preventDefault(); choose(input, list, result); });
      list.appendChild(item);
    });
    if (!results.length) {
      var none = document.createElement("li");
      none.textContent = strings.none;
      list.appendChild(none);
    }
    list.results = results;
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  var searchTimer = null;
  form.addEventListener("input", function (event) {
    var input = event.target;
    if (input.matches("[data-noc-code]") && /^\d{5}$/.test(input.value)) {
      search(input.value).then(function (results) {
        setTitle(input.name, results.length ? results[0].code + ": " + results[0].unit_group : "");
        save();
      });
    }
    if (!input.matches("[data-noc-search]")) return;
    var list = document.getElementById(input.getAttribute("aria-controls"));
    clearTimeout(searchTimer);
    if (input.value.trim().length < 2) { close(input, list); return; }
    searchTimer = setTimeout(function () {
      search(input.value.trim()).then(function (results) {
        if (document.activeElement === input) show(input, list, results);
      });
    }, 200);
  });

  form.addEventListener("keydown", function (event) {
    var input = event.target;
    if (!input.matches("[data-noc-search]")) return;
    var list = document.getElementById(input.getAttribute("aria-controls"));
    if (list.hidden || !list.results) return;
    var options = list.querySelectorAll('[role="option"]');
    var current = Array.prototype.indexOf.call(options, document.getElementById(input.getAttribute("aria-activedescendant")));
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      var next = event.key === "ArrowDown" ? Math.min(current + 1, options.length - 1) : Math.max(current - 1, 0);
      options.forEach(function (option, index) { option.setAttribute("aria-selected", String(index === next)); });
      if (options[next]) input.setAttribute("aria-activedescendant", options[next].id);
    } else if (event.key === "Enter" && current >= 0) {
      event.preventDefault();
      choose(input, list, list.results[current]);
    } else if (event.key === "Escape") {
      close(input, list);
    }
  });

  form.addEventListener("focusout", function (event) {
    var input = event.target;
    if (input.matches && input.matches("[data-noc-search]")) {
      setTimeout(function () { close(input, document.getElementById(input.getAttribute("aria-controls"))); }, 150);
    }
  });

  /* Start: server answers (import, errors) win over saved ones; then save them. */
  if (form.dataset.fromServer !== "true") restore();
  applyConditions();
  save();
  document.querySelectorAll("[data-saved-note], [data-action=reset]").forEach(function (node) { node.hidden = false; });
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();
