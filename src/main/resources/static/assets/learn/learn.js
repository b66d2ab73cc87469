// The learner page: math fields (MathLive) or text boxes, a live preview from the parse endpoint, submit, feedback.
// No build step: plain browser JavaScript. The learner token is sent in a header, never stored in a cookie.
(function () {
  'use strict';
  const config = JSON.parse(document.getElementById('learn-config').textContent);
  const tokenElement = document.getElementById('learn-token');
  const token = tokenElement ? tokenElement.textContent.trim() : null;
  const stats = window.gradcheckStats = { previews: [] };
  const DEBOUNCE_MS = 200;

  if (window.MathfieldElement) {
    MathfieldElement.fontsDirectory = config.mathliveFonts || '/vendor/mathlive/fonts';
    MathfieldElement.soundsDirectory = null;
  }

  function typeset(root) {
    root.querySelectorAll('span.math').forEach(function (el) {
      if (el.dataset.typeset) { return; }
      try {
        katex.render(el.textContent, el, { displayMode: el.classList.contains('display'), throwOnError: false });
        el.dataset.typeset = '1';
      } catch (e) { /* leave the LaTeX as text */ }
    });
  }
  typeset(document);

  const parts = config.parts.map(function (wrt, i) {
    const part = {
      wrt: wrt,
      math: document.getElementById('mf-' + i),
      text: document.getElementById('tb-' + i),
      toggle: document.getElementById('sw-' + i),
      preview: document.getElementById('preview-' + i),
      timer: null,
      seq: 0
    };
    part.textMode = function () { return part.toggle.checked || !window.MathfieldElement; };
    part.value = function () { return (part.textMode() ? part.text.value : part.math.value).trim(); };
    part.toggle.addEventListener('change', function () {
      // carry what was typed across: the math field's LaTeX into the box, the box's text into the field
      if (part.textMode()) { part.text.value = part.math.value; } else { part.math.value = part.text.value; }
      part.text.hidden = !part.textMode();
      part.math.hidden = part.textMode();
      (part.textMode() ? part.text : part.math).focus();
      schedule(part);
    });
    // MathLive reports edits as 'input'; keyup covers keystrokes its version may report otherwise
    ['input', 'keyup'].forEach(function (type) {
      part.math.addEventListener(type, function () { schedule(part); });
    });
    part.text.addEventListener('input', function () { schedule(part); });
    if (!window.MathfieldElement) { part.toggle.checked = true; part.text.hidden = false; part.math.hidden = true; }
    return part;
  });

  function schedule(part) {
    clearTimeout(part.timer);
    part.timer = setTimeout(function () { preview(part); }, DEBOUNCE_MS);
  }

  function answerOf(part) {
    const v = part.value();
    if (v.startsWith('[')) {
      try { return JSON.parse(v); } catch (e) { return v; }
    }
    return v;
  }

  function preview(part) {
    const answer = answerOf(part);
    const seq = ++part.seq;
    if (answer === '') { part.preview.textContent = ''; return; }
    if (Array.isArray(answer)) {
      part.preview.textContent = 'An answer entry by entry: its entries are read when you submit.';
      return;
    }
    const started = performance.now();
    fetch('/api/v1/expressions/parse', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ expression: answer, variables: config.variables })
    }).then(function (r) {
      return r.json().then(function (body) { return { ok: r.ok, body: body }; });
    }).then(function (res) {
      stats.previews.push(performance.now() - started);
      if (seq !== part.seq) { return; } // a newer keystroke has its own preview on the way
      part.preview.replaceChildren();
      if (res.ok) {
        const lead = document.createElement('span');
        lead.textContent = 'We read your answer as ';
        const math = document.createElement('span');
        math.className = 'math';
        math.textContent = res.body.latex;
        const shape = document.createElement('span');
        shape.className = 'shape';
        shape.textContent = ' — ' + shapeWords(res.body.shape);
        part.preview.append(lead, math, shape);
        typeset(part.preview);
      } else {
        const err = document.createElement('span');
        err.className = 'error';
        err.textContent = 'Cannot read this yet: ' + (res.body.detail || res.body.title)
          + (res.body.position ? ' (at character ' + res.body.position + ')' : '');
        part.preview.append(err);
      }
    }).catch(function () {
      if (seq === part.seq) { part.preview.textContent = 'The preview is not available right now.'; }
    });
  }

  function shapeWords(shape) {
    if (!shape || shape.length === 0) { return 'a scalar'; }
    if (shape.length === 1) { return 'a column of ' + shape[0]; }
    return 'a ' + shape[0] + '×' + shape[1] + ' matrix';
  }

  function idempotencyKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, function (b) { return b.toString(16).padStart(2, '0'); }).join('');
  }

  const feedback = document.getElementById('feedback');
  const plots = document.getElementById('plots');
  const submit = document.getElementById('submit');

  function say(nodes) { feedback.replaceChildren.apply(feedback, nodes); }
  function para(text, cls) {
    const p = document.createElement('p');
    if (cls) { p.className = cls; }
    p.textContent = text;
    return p;
  }

  document.getElementById('answer-form').addEventListener('submit', function (event) {
    event.preventDefault();
    const answers = {};
    for (const part of parts) {
      const a = answerOf(part);
      if (a === '' || (Array.isArray(a) && a.length === 0)) {
        say([para('Give an answer' + (parts.length > 1 ? ' for ' + part.wrt : '') + ' first.', 'incorrect')]);
        (part.textMode() ? part.text : part.math).focus();
        return;
      }
      answers[part.wrt] = a;
    }
    const headers = { 'Content-Type': 'application/json', 'Accept': 'application/json',
      'Idempotency-Key': idempotencyKey() };
    if (token) { headers['X-Learner-Token'] = token; }
    submit.disabled = true;
    say([para('Checking…')]);
    plots.replaceChildren();
    fetch('/learn/api/' + encodeURIComponent(config.set) + '/' + encodeURIComponent(config.problem) + '/answers', {
      method: 'POST', headers: headers, body: JSON.stringify({ answers: answers })
    }).then(function (r) {
      return r.json().then(function (body) { return { ok: r.ok, body: body }; });
    }).then(function (res) {
      if (!res.ok) { say([para(res.body.detail || res.body.title, 'incorrect')]); return; }
      show(res.body, answers);
    }).catch(function () {
      say([para('The answer could not be sent; check your connection and submit again.', 'incorrect')]);
    }).finally(function () { submit.disabled = false; });
  });

  function show(result, answers) {
    const nodes = [];
    const verdict = result.verdict.charAt(0).toUpperCase() + result.verdict.slice(1);
    nodes.push(para(verdict, 'verdict ' + result.verdict));
    result.parts.forEach(function (p) {
      if (p.verdict !== 'correct' || parts.length > 1) {
        nodes.push(para((parts.length > 1 ? p.wrt + ': ' + p.verdict + '. ' : '') + (p.feedback || p.message || ''),
          'diagnosis'));
      }
    });
    nodes.push(para('Score: ' + Math.round(result.score * 100) + '%', 'score'));
    if (result.practice) {
      nodes.push(para('Practice mode: this answer was checked, nothing was stored.', 'practice'));
    } else {
      nodes.push(para('Attempts used: ' + result.attemptsUsed + (result.attemptsLeft === null
        || result.attemptsLeft === undefined ? ' (no limit)' : ', left: ' + result.attemptsLeft), 'attempts'));
      updateHistory(result.history);
    }
    say(nodes);
    result.parts.forEach(function (p) {
      if (p.verdict === 'incorrect' && p.diagnosis !== 'wrong_shape' && p.diagnosis !== 'transposed') {
        plot(p.wrt, answers[p.wrt], result.seed);
      }
    });
  }

  function plot(wrt, answer, seed) {
    const url = '/learn/api/' + encodeURIComponent(config.set) + '/' + encodeURIComponent(config.problem)
      + '/plot?wrt=' + encodeURIComponent(wrt) + '&seed=' + encodeURIComponent(seed)
      + '&answer=' + encodeURIComponent(typeof answer === 'string' ? answer : JSON.stringify(answer));
    const started = performance.now();
    fetch(url).then(function (r) {
      if (!r.ok) { return r.json().then(function (b) { plots.append(para('No plot: ' + b.detail)); }); }
      return r.blob().then(function (svg) {
        stats.plot = performance.now() - started;
        const img = document.createElement('img');
        img.alt = 'Plot of the derivative with respect to ' + wrt + ' and of your answer; where the two lines part,'
          + ' your answer is wrong.';
        img.className = 'plot';
        img.src = URL.createObjectURL(svg);
        plots.append(img);
      });
    });
  }

  function updateHistory(history) {
    const body = document.querySelector('#history tbody');
    if (!body || !history) { return; }
    body.replaceChildren.apply(body, history.map(function (a) {
      const tr = document.createElement('tr');
      [a.attempt, a.verdict, Math.round(a.score * 100) + '%', a.at].forEach(function (v) {
        const td = document.createElement('td');
        td.textContent = v;
        tr.append(td);
      });
      return tr;
    }));
  }
}());
