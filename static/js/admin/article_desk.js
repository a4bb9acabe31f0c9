/* The article writing screen: live word count, autosave of drafts, focus mode, and the
   schedule control's check before it submits. The page works without this file: the
   counts are then the saved article's, and every button posts the form as usual. */
(function () {
  "use strict";

  const IDLE_MS = 3000; // autosave this long after the last keystroke
  const form = document.querySelector("form.desk-form");
  if (!form) return;
  const body = form.querySelector("#id_body");

  /* Word count and reading time */
  const words = form.querySelector(".desk-count__words");
  const minutes = form.querySelector(".desk-count__minutes");
  const perMinute = Number(words && words.dataset.wordsPerMinute) || 230;

  function countWords(html) {
    const doc = new DOMParser().parseFromString(html || "", "text/html");
    doc.querySelectorAll("p, h2, h3, li, blockquote, figcaption, br").forEach((el) => {
      el.append(" ");
    });
    const text = doc.body.textContent.trim();
    return text ? text.split(/\s+/).length : 0;
  }

  function updateCount() {
    if (!body || !words) return;
    const count = countWords(body.value);
    words.textContent = `${count} word${count === 1 ? "" : "s"}`;
    minutes.textContent = count
      ? `${Math.max(1, Math.round(count / perMinute))} min read`
      : "nothing to read yet";
  }

  /* Autosave (drafts only: the server leaves the URL out for live articles) */
  const status = form.querySelector(".desk-autosave");
  let autosaveUrl = form.dataset.autosaveUrl || "";
  let timer = null;
  let inFlight = null;
  let dirty = false;
  let submitting = false;

  function say(message, kind) {
    if (!status) return;
    status.hidden = false;
    status.textContent = message;
    status.dataset.kind = kind || "";
  }

  function autosave() {
    timer = null;
    if (!autosaveUrl || submitting || !dirty) return Promise.resolve();
    if (inFlight) return inFlight.then(autosave);
    dirty = false;
    const data = new FormData(form);
    data.delete("_transition");
    say("Saving…", "busy");
    inFlight = fetch(autosaveUrl, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then((response) =>
        response.json().then((payload) => ({ ok: response.ok, payload: payload }))
      )
      .then(({ ok, payload }) => {
        say(payload.message, ok ? "saved" : "waiting");
        if (ok && payload.autosave_url) {
          autosaveUrl = payload.autosave_url;
          form.dataset.autosaveUrl = autosaveUrl;
          if (!form.getAttribute("action")) {
            // A new article now exists: the page carries on as its change form.
            form.setAttribute("action", payload.change_url);
            window.history.replaceState(null, "", payload.change_url);
            const state = form.querySelector(".desk-state");
            if (state) state.textContent = "Draft";
            const title = document.querySelector("#content > h1");
            if (title) title.textContent = "Change article";
          }
        }
      })
      .catch(() => {
        dirty = true;
        say("Not saved: the connection failed. Trying again when you type.", "waiting");
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  function changed(event) {
    if (event && event.target && event.target.name === "_transition") return;
    if (event && event.target === body) updateCount();
    if (!autosaveUrl || submitting) return;
    dirty = true;
    window.clearTimeout(timer);
    timer = window.setTimeout(autosave, IDLE_MS);
  }

  // The headline is a wrapping textarea, but one line: Enter moves on to the dek.
  const headline = form.querySelector("#id_headline");
  const dek = form.querySelector("#id_dek");
  if (headline && dek) {
    headline.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        dek.focus();
      }
    });
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  if (window.django && window.django.jQuery) {
    window.django.jQuery(form).on("change", "select", changed); // select2 fires jQuery events
  }
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden" && dirty) autosave();
  });

  // A submit waits for an autosave under way, so a new article is never created twice.
  form.addEventListener("submit", (event) => {
    if (submitting) return;
    window.clearTimeout(timer);
    submitting = true;
    if (inFlight) {
      event.preventDefault();
      const submitter = event.submitter;
      inFlight.then(() => form.requestSubmit(submitter));
    }
  });

  /* The schedule control checks itself before its button submits */
  const date = form.querySelector(".desk-schedule__date");
  const time = form.querySelector(".desk-schedule__time");
  const scheduleButton = form.querySelector("[data-schedule-button]");

  function scheduleProblem() {
    if (!date.value && !time.value) return "Choose when to publish: the date and time are missing.";
    if (!date.value) return "Choose when to publish: the date is missing.";
    if (!time.value) return "Choose when to publish: the time is missing.";
    // The site's clock when the page was drawn, in the site's time zone (the server
    // checks again on saving, so a page left open for hours cannot slip through).
    const fieldset = date.closest("[data-site-now]");
    const siteNow = fieldset ? fieldset.dataset.siteNow : "";
    if (siteNow && `${date.value}T${time.value}` <= siteNow) {
      return "That time has passed: choose a time in the future, or publish now.";
    }
    return "";
  }

  if (date && time && scheduleButton) {
    [date, time].forEach((input) => {
      input.addEventListener("input", () => {
        date.setCustomValidity("");
        time.setCustomValidity("");
      });
    });
    scheduleButton.addEventListener("click", (event) => {
      date.required = time.required = true;
      const problem = scheduleProblem();
      const target = !date.value || (date.value && time.value) ? date : time;
      target.setCustomValidity(problem);
      if (problem) {
        event.preventDefault();
        target.reportValidity();
      }
    });
    form.querySelectorAll("button[name=_transition], input[type=submit]").forEach((button) => {
      if (button === scheduleButton) return;
      button.addEventListener("click", () => {
        date.required = time.required = false;
        date.setCustomValidity("");
        time.setCustomValidity("");
      });
    });
  }

  /* Focus mode: the writing column alone, until the toggle or Escape */
  const toggle = form.querySelector(".desk-focus-toggle");
  function focusMode(on) {
    document.body.classList.toggle("desk-focus", on);
    toggle.setAttribute("aria-pressed", on ? "true" : "false");
    toggle.textContent = on ? "Leave focus mode" : "Focus mode";
    try {
      window.sessionStorage.setItem("desk-focus", on ? "1" : "");
    } catch (error) {
      /* storage refused: the mode just is not remembered */
    }
  }
  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", () => {
      focusMode(!document.body.classList.contains("desk-focus"));
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && document.body.classList.contains("desk-focus")) {
        focusMode(false);
        toggle.focus();
      }
    });
    let remembered = "";
    try {
      remembered = window.sessionStorage.getItem("desk-focus") || "";
    } catch (error) {
      remembered = "";
    }
    if (remembered) focusMode(true);
  }

  updateCount();
})();

/* select2 draws its own combobox beside each autocomplete <select>, without the select's
   label: give every one the name of its field, now and whenever select2 redraws. */
(function () {
  "use strict";
  const form = document.querySelector("form.desk-form");
  if (!form) return;

  function nameOf(select) {
    if (select.getAttribute("aria-label")) return select.getAttribute("aria-label");
    const label = select.id && form.querySelector(`label[for="${select.id}"]`);
    return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
  }

  function labelAll() {
    form.querySelectorAll("select.select2-hidden-accessible").forEach((select) => {
      const name = nameOf(select);
      const container = select.nextElementSibling;
      if (!name || !container || !container.classList.contains("select2")) return;
      const parts = "[role=combobox], [role=textbox], .select2-search__field";
      container.querySelectorAll(parts).forEach((el) => {
        if (el.getAttribute("aria-label") !== name) el.setAttribute("aria-label", name);
      });
    });
    const editor = form.querySelector(".field-body .ProseMirror");
    if (editor && !editor.getAttribute("aria-label")) editor.setAttribute("aria-label", "Body");
  }

  let pending = null;
  new MutationObserver(() => {
    if (pending) return;
    pending = window.requestAnimationFrame(() => {
      pending = null;
      labelAll();
    });
  }).observe(form, { childList: true, subtree: true });
  window.addEventListener("load", labelAll);
})();
