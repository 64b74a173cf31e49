/* 基层治理实践库: "下载 Word" and "下载汇报提纲" on the compare page — the chosen practices as one
 * 汇编 (.docx), or as a 汇报提纲 (briefing outline).
 *
 * The generator writes every practice's piece of WordprocessingML (word/pieces/<id>.js) and the
 * record-independent parts (word/package.js) as data scripts (kinds "word-piece", "word-package"),
 * which load from file:// too. This file fills their slots exactly as govcat/word/package.py's
 * assemble(), assemble_outline() and contents() do (notes numbered across the document, the
 * practices numbered in the comparison table and on their titles' bookmarks, the newest piece's
 * date under the title and at the end, a 目录 when the pieces' estimated pages run past
 * word.pageEstimate.contents), names the file by the rules Python hands over (rules.js) and zips
 * the parts uncompressed (CRC-32, no library). Dates in Chinese, the outline's order numbers, the
 * page estimate and the outline's chapters come with the data; nothing here restates them. The
 * buttons appear once compare.js has drawn the comparison ("catalog:compared"), for the practices
 * it shows at the moment of the click. Nothing is fetched from another host, and no record text is put into the page: the
 * XML only goes into the file. */
(function () {
  "use strict";

  var RULES = window.catalog.rules().word;
  var SLOT = new RegExp(RULES.slot, "g");
  var UNSAFE_IN_NAMES = new RegExp(RULES.unsafe, "g");

  /* ---- Loading the generator's data scripts ---- */
  function load(kind, key, path) {
    return window.catalog.load(kind, key, new URL(path, window.catalog.root()));
  }
  function loadAll(ids) {
    return Promise.all([load("word-package", null, RULES.package)].concat(ids.map(function (id) {
      return load("word-piece", id, RULES.pieces + id + ".js");
    }))).then(function (loaded) {
      return { word: loaded[0], pieces: loaded.slice(1) };
    });
  }

  /* ---- The documents, as word/package.py assemble() and assemble_outline() make them ---- */
  function fill(template, values) {
    return template.replace(SLOT, function (match, name) {
      if (!Object.prototype.hasOwnProperty.call(values, name)) throw new Error("no value for slot " + name);
      return values[name];
    });
  }
  /* The first piece with the newest date: its date and day are the document's. */
  function newest(pieces) {
    return pieces.reduce(function (latest, piece) { return piece.date > latest.date ? piece : latest; });
  }
  function contents(word, pieces) {
    var estimate = word.pageEstimate;
    var page = Math.ceil((estimate.front + estimate.row * pieces.length) / estimate.page) + 1;
    var total = pieces.reduce(function (sum, piece) { return sum + piece.pages; }, page - 1);
    if (total <= estimate.contents) return "";
    var entries = pieces.map(function (piece, index) {
      var entry = fill(piece.contents, { n: String(index + 1), page: String(page) });
      page += piece.pages;
      return entry;
    });
    return fill(word.contents, { entries: entries.join("") });
  }
  /* xml with its notes numbered after those in notes (which they join) and the other values. */
  function referenced(word, xml, pieceNotes, notes, values) {
    var first = notes.length + 1, filled = Object.assign({}, values);
    pieceNotes.forEach(function (note, i) {
      var id = String(first + i);
      filled[String(i)] = fill(word.noteReference, { id: id });
      notes.push(fill(word.note, { id: id, note: note }));
    });
    return fill(xml, filled);
  }
  function parts(word, pieces, title, values, notes) {
    var latest = newest(pieces);
    values.closing = fill(word.closing, { day: latest.day });
    values.notes = notes.join("");
    values.title = title;
    values.date = latest.date;
    return word.parts.map(function (part) { return [part[0], fill(part[1], values)]; });
  }
  function rowsOf(pieces, field) {
    return pieces.map(function (piece, index) { return fill(piece[field], { n: String(index + 1) }); }).join("");
  }
  function assemble(word, pieces) {
    var notes = [];
    var bodies = pieces.map(function (piece, index) {
      return referenced(word, piece.body, piece.notes, notes, { n: String(index + 1) });
    });
    var front = fill(word.compare.front, { count: String(pieces.length), rows: rowsOf(pieces, "row"),
      day: newest(pieces).day, contents: contents(word, pieces) });
    return parts(word, pieces, word.compare.title,
      { front: front, body: bodies.join(""), appendix: "", section: word.section }, notes);
  }
  /* The 汇报提纲, as package.assemble_outline() and outline_values() make it. */
  function assembleOutline(word, pieces) {
    var notes = [], sources = [], values = {};
    word.outlineChapters.forEach(function (chapter, index) {
      values[chapter] = pieces.map(function (piece, n) {
        var part = piece.outline[index];
        return referenced(word, part.xml, part.notes, notes, { order: word.orders[n] });
      }).join("");
    });
    pieces.forEach(function (piece) {
      piece.sources.forEach(function (source) { if (sources.indexOf(source) < 0) sources.push(source); });
    });
    values.count = String(pieces.length);
    values.day = newest(pieces).day;
    values.sources = sources.join("");
    return parts(word, pieces, word.outline.title, { front: fill(word.outline.front, values), body: "",
      appendix: fill(word.appendix, { rows: rowsOf(pieces, "wide_row") }), section: word.landscape }, notes);
  }
  /* As package.compare_file_name: lengths in characters (code points), not UTF-16 units. */
  function fileName(title, names) {
    var name = Array.from((title + RULES.titleSeparator + names.join(RULES.nameSeparator)).replace(UNSAFE_IN_NAMES, RULES.replacement));
    if (name.length > RULES.length) name = name.slice(0, RULES.length - 1).concat(RULES.ellipsis);
    return name.join("") + RULES.extension;
  }

  /* ---- A zip of stored entries (the .docx container) ---- */
  var CRC_TABLE = (function () {
    var table = new Uint32Array(256);
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
    return table;
  })();
  function crc32(bytes) {
    var crc = 0xFFFFFFFF;
    for (var i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xFF] ^ (crc >>> 8);
    return (crc ^ 0xFFFFFFFF) >>> 0;
  }
  function header(size) {
    var buffer = new ArrayBuffer(size);
    return { bytes: new Uint8Array(buffer), view: new DataView(buffer) };
  }
  /* Entries in the given order, dated 1980-01-01 00:00 like the generator's documents. */
  function zip(files) {
    var encoder = new TextEncoder(), chunks = [], central = [], offset = 0, DOS_DATE = 0x21;
    files.forEach(function (file) {
      var name = encoder.encode(file[0]), data = encoder.encode(file[1]), crc = crc32(data);
      var local = header(30 + name.length), v = local.view;
      v.setUint32(0, 0x04034b50, true); v.setUint16(4, 20, true); v.setUint16(10, 0, true);
      v.setUint16(12, DOS_DATE, true); v.setUint32(14, crc, true);
      v.setUint32(18, data.length, true); v.setUint32(22, data.length, true); v.setUint16(26, name.length, true);
      local.bytes.set(name, 30);
      var entry = header(46 + name.length), e = entry.view;
      e.setUint32(0, 0x02014b50, true); e.setUint16(4, 20, true); e.setUint16(6, 20, true);
      e.setUint16(14, DOS_DATE, true); e.setUint32(16, crc, true);
      e.setUint32(20, data.length, true); e.setUint32(24, data.length, true); e.setUint16(28, name.length, true);
      e.setUint32(42, offset, true);
      entry.bytes.set(name, 46);
      chunks.push(local.bytes, data);
      central.push(entry.bytes);
      offset += local.bytes.length + data.length;
    });
    var size = central.reduce(function (sum, c) { return sum + c.length; }, 0);
    var end = header(22), d = end.view;
    d.setUint32(0, 0x06054b50, true); d.setUint16(8, files.length, true); d.setUint16(10, files.length, true);
    d.setUint32(12, size, true); d.setUint32(16, offset, true);
    return new Blob(chunks.concat(central, [end.bytes]),
      { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
  }
  function save(blob, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 60000);
  }

  /* ---- The controls on /compare/ ---- */
  var KINDS = [
    { label: "下载 Word", assemble: assemble, front: "compare",
      title: "把所选做法汇编成一份 Word 文档（党政机关公文格式，可编辑、打印）", done: "的汇编（含对照表），按公文格式排版。" },
    { label: "下载汇报提纲", assemble: assembleOutline, front: "outline",
      title: "把所选做法写成汇报提纲：基本情况、主要做法、取得成效摘自记录并注明出处，经验启示留给撰写人填写",
      done: "的汇报提纲（经验启示待撰写，附对照表）。" }
  ];
  function download(ids, status, kind) {
    status.textContent = "正在生成 Word 文档…";
    return loadAll(ids).then(function (loaded) {
      var names = loaded.pieces.map(function (piece) { return piece.name; });
      save(zip(kind.assemble(loaded.word, loaded.pieces)), fileName(loaded.word[kind.front].fileTitle, names));
      status.textContent = "已生成：" + loaded.pieces.length + " 项做法" + kind.done;
    }).catch(function (error) {
      status.textContent = "生成失败：找不到所选做法的 Word 数据，请刷新页面再试。";
      console.warn("word.js:", error.message);
    });
  }
  /* The practices the table shows now: the columns can be moved, removed and added. */
  var shown = [];
  function offer() {
    var app = document.getElementById("compare-app"), drawn = document.querySelector(".catalog-word");
    if (drawn) drawn.hidden = !shown.length;
    if (!app || !shown.length || drawn) return;
    var bar = document.createElement("p");
    bar.className = "catalog-word";
    var buttons = KINDS.map(function (kind) {
      var button = bar.appendChild(document.createElement("button"));
      button.type = "button";
      button.className = "md-button";
      button.textContent = kind.label;
      button.title = kind.title;
      return button;
    });
    var status = bar.appendChild(document.createElement("span"));
    status.setAttribute("role", "status");
    buttons.forEach(function (button, index) {
      button.addEventListener("click", function () {
        buttons.forEach(function (each) { each.disabled = true; });
        download(shown.slice(), status, KINDS[index]).then(function () {
          buttons.forEach(function (each) { each.disabled = false; });
        });
      });
    });
    app.parentNode.insertBefore(bar, app);
  }

  /* What the tests of the shared rules call (tests/browser/test_rules.py). */
  window.catalog.word = { fileName: fileName };
  document.addEventListener("catalog:compared", function (event) { shown = event.detail.ids; offer(); });
})();
