/* 基层治理实践库: "下载 Word" and "下载汇报提纲" on the compare page — the chosen practices as one
 * 汇编 (.docx), or as a 汇报提纲 (briefing outline).
 *
 * The generator writes every practice's piece of WordprocessingML (word/pieces/<id>.js) and the
 * record-independent parts (word/package.js) as scripts, which load from file:// too. This file
 * fills their slots exactly as govcat/word/package.py's assemble(), assemble_outline() and contents() do (notes
 * numbered across the document, the practices numbered in the comparison table and on their
 * titles' bookmarks, the newest record date under the title and at the end, a 目录 when the
 * pieces' estimated pages run past word.pageEstimate.contents) and zips the parts
 * uncompressed (CRC-32, no library). Nothing is fetched from another host, and no record text is
 * put into the page: the XML only goes into the file. */
(function () {
  "use strict";

  var MAX_PRACTICES = 4;
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var SLOT = /\u0000([a-z]+|[0-9]+)\u0000/g;
  var NAME_LENGTH = 60;
  var DIGITS = "零一二三四五六七八九";
  var UNSAFE_IN_NAMES = /[\u0000-\u001f\u007f!"#$%&'*,\/:;<=>?@\[\\\]^_`{|}~]/g;

  /* ---- Loading the generator's scripts ---- */
  function load(path) {
    return window.catalogSite.loadScript(new URL(path, window.catalogSite.root()));
  }
  function loadAll(ids) {
    var pieces = window.catalogWordPieces || {};
    var wanted = ["word/package.js"].concat(ids.filter(function (id) { return !pieces[id]; })
      .map(function (id) { return "word/pieces/" + id + ".js"; }));
    return Promise.all(wanted.map(load)).then(function () {
      var loaded = window.catalogWordPieces || {};
      return ids.filter(function (id) { return loaded[id]; }).map(function (id) { return loaded[id]; });
    });
  }

  /* ---- The document, as package.assemble() makes it ---- */
  function fill(template, values) {
    return template.replace(SLOT, function (match, name) {
      if (!Object.prototype.hasOwnProperty.call(values, name)) throw new Error("no value for slot " + name);
      return values[name];
    });
  }
  function chineseDate(iso) {
    var parts = iso.split("-");
    return parts[0] + "年" + parseInt(parts[1], 10) + "月" + parseInt(parts[2], 10) + "日";
  }
  function chineseNumber(n) {
    var tens = Math.floor(n / 10), units = n % 10;
    if (!(n > 0 && n < 100)) return String(n);
    return (tens < 2 ? "" : DIGITS[tens]) + (tens ? "十" : "") + (units ? DIGITS[units] : "");
  }
  function newest(pieces) {
    return pieces.reduce(function (date, piece) { return piece.date > date ? piece.date : date; }, "");
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
    var date = newest(pieces);
    values.closing = fill(word.closing, { day: chineseDate(date) });
    values.notes = notes.join("");
    values.title = title;
    values.date = date;
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
      day: chineseDate(newest(pieces)), contents: contents(word, pieces) });
    return parts(word, pieces, word.compare.title,
      { front: front, body: bodies.join(""), appendix: "", section: word.section }, notes);
  }
  /* The 汇报提纲, as package.assemble_outline() makes it. */
  function assembleOutline(word, pieces) {
    var notes = [], sources = [], values = {};
    word.outlineChapters.forEach(function (chapter, index) {
      values[chapter] = pieces.map(function (piece, n) {
        var part = piece.outline[index];
        return referenced(word, part.xml, part.notes, notes, { order: chineseNumber(n + 1) });
      }).join("");
    });
    pieces.forEach(function (piece) {
      piece.sources.forEach(function (source) { if (sources.indexOf(source) < 0) sources.push(source); });
    });
    values.count = String(pieces.length);
    values.day = chineseDate(newest(pieces));
    values.sources = sources.join("");
    return parts(word, pieces, word.outline.title, { front: fill(word.outline.front, values), body: "",
      appendix: fill(word.appendix, { rows: rowsOf(pieces, "wide_row") }), section: word.landscape }, notes);
  }
  function fileName(title, names) {
    var name = (title + "：" + names.join("、")).replace(UNSAFE_IN_NAMES, "-");
    if (name.length > NAME_LENGTH) name = name.slice(0, NAME_LENGTH - 1) + "…";
    return name + ".docx";
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

  /* ---- The control on /compare/ ---- */
  function chosenIds() {
    var asked = new URLSearchParams(location.search).get("ids") || "";
    var ids = [];
    asked.split(",").forEach(function (id) { if (ID.test(id) && ids.indexOf(id) < 0) ids.push(id); });
    return ids.slice(0, MAX_PRACTICES);
  }
  var KINDS = {
    compilation: { label: "下载 Word", assemble: assemble, front: "compare",
      title: "把所选做法汇编成一份 Word 文档（党政机关公文格式，可编辑、打印）", done: "的汇编（含对照表），按公文格式排版。" },
    outline: { label: "下载汇报提纲", assemble: assembleOutline, front: "outline",
      title: "把所选做法写成汇报提纲：基本情况、主要做法、取得成效摘自记录并注明出处，经验启示留给撰写人填写",
      done: "的汇报提纲（经验启示待撰写，附对照表）。" }
  };
  function download(status, kind) {
    var ids = chosenIds();
    status.textContent = "正在生成 Word 文档…";
    return loadAll(ids).then(function (pieces) {
      var word = window.catalogWord;
      if (!word || !pieces.length) { status.textContent = "生成失败：找不到所选做法的 Word 数据。"; return; }
      var names = pieces.map(function (piece) { return piece.name; });
      save(zip(kind.assemble(word, pieces)), fileName(word[kind.front].fileTitle, names));
      status.textContent = "已生成：" + pieces.length + " 项做法" + kind.done;
    }).catch(function (error) {
      status.textContent = "生成失败：" + error.message;
    });
  }
  function start() {
    var app = document.getElementById("compare-app");
    if (!app || !chosenIds().length) return;
    var bar = document.createElement("p");
    bar.className = "catalog-word";
    var buttons = [KINDS.compilation, KINDS.outline].map(function (kind) {
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
        buttons.forEach(function (b) { b.disabled = true; });
        download(status, [KINDS.compilation, KINDS.outline][index]).then(function () {
          buttons.forEach(function (b) { b.disabled = false; });
        });
      });
    });
    app.parentNode.insertBefore(bar, app);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
