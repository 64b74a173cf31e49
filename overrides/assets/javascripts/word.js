/* 基层治理实践库: "下载 Word" on the compare page — the chosen practices as one 汇编 (.docx).
 *
 * The generator writes every practice's piece of WordprocessingML (word/pieces/<id>.js) and the
 * record-independent parts (word/package.js) as scripts, which load from file:// too. This file
 * fills their slots exactly as govcat/word/package.py's assemble() and contents() do (notes
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
  function assemble(word, pieces) {
    var bodies = [], notes = [], rows = [], date = "";
    pieces.forEach(function (piece, index) {
      var first = notes.length + 1, references = { n: String(index + 1) };
      piece.notes.forEach(function (note, i) {
        var id = String(first + i);
        references[String(i)] = fill(word.noteReference, { id: id });
        notes.push(fill(word.note, { id: id, note: note }));
      });
      bodies.push(fill(piece.body, references));
      rows.push(fill(piece.row, { n: String(index + 1) }));
      if (piece.date > date) date = piece.date;
    });
    var day = chineseDate(date);
    var values = {
      front: fill(word.compare.front,
        { count: String(pieces.length), rows: rows.join(""), day: day, contents: contents(word, pieces) }),
      body: bodies.join(""),
      closing: fill(word.closing, { day: day }),
      notes: notes.join(""),
      title: word.compare.title,
      date: date
    };
    return word.parts.map(function (part) { return [part[0], fill(part[1], values)]; });
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
  function download(status) {
    var ids = chosenIds();
    status.textContent = "正在生成 Word 文档…";
    return loadAll(ids).then(function (pieces) {
      var word = window.catalogWord;
      if (!word || !pieces.length) { status.textContent = "生成失败：找不到所选做法的 Word 数据。"; return; }
      var names = pieces.map(function (piece) { return piece.name; });
      save(zip(assemble(word, pieces)), fileName(word.compare.fileTitle, names));
      status.textContent = "已生成：" + pieces.length + " 项做法的汇编（含对照表），按公文格式排版。";
    }).catch(function (error) {
      status.textContent = "生成失败：" + error.message;
    });
  }
  function start() {
    var app = document.getElementById("compare-app");
    if (!app || !chosenIds().length) return;
    var bar = document.createElement("p");
    bar.className = "catalog-word";
    var button = bar.appendChild(document.createElement("button"));
    button.type = "button";
    button.className = "md-button";
    button.textContent = "下载 Word";
    button.title = "把所选做法汇编成一份 Word 文档（党政机关公文格式，可编辑、打印）";
    var status = bar.appendChild(document.createElement("span"));
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      button.disabled = true;
      download(status).then(function () { button.disabled = false; });
    });
    app.parentNode.insertBefore(bar, app);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
