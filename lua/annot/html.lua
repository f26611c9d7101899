-- annot.html: a self-contained HTML page showing one annotated doc.
--
-- The page has no external assets (inline CSS and JS only).  The text is
-- shown whole, every byte escaped; entity mentions are highlighted by type
-- (with a legend), quotes are underlined by kind and start with a badge
-- naming their speaker, and the speaker's phrase and cue are marked too.
-- Hovering a speaker (badge, name in the list, phrase in the text) shows
-- all of their quotes in a side panel; clicking pins the choice; a URL
-- ending in '#speaker=NAME' opens with NAME chosen.
--
-- Spans that cross (a quote ending inside a mention) are split so that
-- the HTML nests; the pieces of one quote share its 'data-q' number.

local string, table, utf8 = string, table, utf8
local ipairs, tostring = ipairs, tostring
local format, gsub, byte, char, sub = string.format, string.gsub, string.byte, string.char, string.sub
local find = string.find
local concat, sort = table.concat, table.sort
local json = require "annot.json"

local html = { _VERSION = "annot.html 0.1.0" }

_ENV = nil

-- {==================================================================
-- Escaping
-- ===================================================================

-- the five characters with a meaning in HTML text and attributes
local specials = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;",
                   ["'"] = "&#39;" }

-- C0 controls (but tab, line feed and carriage return) and DEL are shown
-- as their Unicode control pictures: a page may not hold them raw
local controls = {}
for c = 0, 31 do
  if c ~= 9 and c ~= 10 and c ~= 13 then controls[char(c)] = utf8.char(0x2400 + c) end
end
controls["\127"] = utf8.char(0x2421)

-- each byte that is not part of a valid UTF-8 sequence as U+FFFD
local valid_utf8 = json.valid_utf8

-- html.escape(s): 's' safe as HTML text or a quoted attribute value:
-- markup characters as entities, control bytes as control pictures,
-- invalid UTF-8 bytes as U+FFFD.
function html.escape(s)
  -- most pieces of news text hold no markup character and no control:
  -- one search tells, and only then are new strings built
  if find(s, "[&<>\"'%z\1-\8\11\12\14-\31\127]") then
    -- '&' goes with the others in one pass, so nothing is escaped twice
    s = gsub(s, "[&<>\"']", specials)
    s = gsub(s, "[%z\1-\8\11\12\14-\31\127]", controls)
  end
  return valid_utf8(s)
end
local escape = html.escape

-- }==================================================================


-- {==================================================================
-- Colours
-- ===================================================================

-- a pale colour for each built-in type
local COLOURS = {
  PERSON = "#ffd6a5", ORG = "#caffbf", GPE = "#9bf6ff", LOC = "#a0c4ff", NORP = "#d7cffc",
  FAC = "#ffc6ff", EVENT = "#fdffb6", DATE = "#e4e4e4", TIME = "#dadada",
  CARDINAL = "#efe3d3", QUANTITY = "#e8dff5", MONEY = "#d8f3dc", PERCENT = "#fce1e4",
  ORDINAL = "#ddedea",
}

-- A colour for a type: its own, or one derived from its name (user labels).
local function colour_of(t)
  if COLOURS[t] then return COLOURS[t] end
  -- a hue from the name: stable from page to page, pale like the others
  local h = 0
  for i = 1, #t do h = (h * 31 + byte(t, i)) % 360 end
  return format("hsl(%d, 80%%, 85%%)", h)
end

-- A CSS-safe version of a type name, for attribute selectors.
local function css_string(s)
  return '"' .. gsub(valid_utf8(s), '[^%w _%-]', function(c)
    return format("\\%x ", byte(c))
  end) .. '"'
end

-- }==================================================================


-- {==================================================================
-- The annotated text
-- ===================================================================

-- outer spans open first when several start at one offset
local RANK = { quote = 1, spk = 2, ent = 3, cue = 4 }

-- The opening tag of a span; 'cont' is set for the second and later
-- pieces of a split span (they get no badge).
local function open_tag(s, cont)
  if s.kind == "ent" then
    -- mentions of one entity share their tag: made once per page
    local tags = s.tags
    local tag = tags[s.canonical or false]
    if tag then return tag end
    local title = s.type .. (s.canonical and (" \u{00B7} " .. s.canonical) or "")
    tag = format('<span class="ent" data-type="%s"%s title="%s">', escape(s.type),
                 s.canonical and format(' data-canonical="%s"', escape(s.canonical)) or "",
                 escape(title))
    tags[s.canonical or false] = tag
    return tag
  elseif s.kind == "quote" then
    local attrs = format('<span class="quote q-%s" data-q="%d" data-kind="%s"', escape(s.qkind),
                         s.index, escape(s.qkind))
    if s.speaker then
      attrs = attrs .. format(' data-speaker="%s" title="%s"', escape(s.speaker),
                              escape(s.qkind .. " quote: " .. s.label
                                     .. (s.cue and (" (" .. s.cue .. ")") or "")))
    else
      attrs = attrs .. format(' title="%s"', escape(s.qkind .. " quote"))
    end
    attrs = attrs .. ">"
    if s.speaker and not cont then
      attrs = attrs .. format('<span class="who" data-speaker="%s" aria-hidden="true">%s</span>',
                              escape(s.speaker), escape(s.label))
    end
    return attrs
  elseif s.kind == "spk" then
    return format('<span class="spk" data-speaker="%s">', escape(s.speaker))
  end
  return '<span class="cue">'
end

-- Collect the spans of a doc: entities, quotes, speaker phrases, cues
-- (0-based byte offsets).  Returns the list, the speakers' table, and the
-- counts the page shows: {types = {type...} in order of first use,
-- by_type = {type = n}, entities = n, kinds = {kind = n}, quotes = n}.
-- One pass over each layer reads every field the page needs.
local function collect(doc)
  local spans = {}
  local types, by_type, nent = {}, {}, 0
  -- the opening tags of a type's mentions, by canonical name (false for
  -- none), shared by its spans and filled by 'open_tag'
  local tags_of = {}
  for m in doc:entities() do
    local t = m.type
    nent = nent + 1
    local tags = tags_of[t]
    if not tags then tags = {}; tags_of[t] = tags end
    spans[nent] = { kind = "ent", start = m.first - 1, stop = m.last, type = t,
                    canonical = m.canonical, tags = tags }
    if not by_type[t] then by_type[t] = 0; types[#types + 1] = t end
    by_type[t] = by_type[t] + 1
  end
  local speakers, by_key = {}, {}
  local kinds = {}
  local qi = 0
  for q in doc:quotes() do
    qi = qi + 1
    local qkind = q.kind
    kinds[qkind] = (kinds[qkind] or 0) + 1
    local s = q.speaker
    -- a speaker is known by canonical name, else by its phrase ("a senior
    -- official"): that key ties quotes, badges and list entries together
    local key, label
    if s then
      key = s.canonical or gsub(s.text, "%s+", " ")
      label = key
      local sp = by_key[key]
      if not sp then
        sp = { key = key, label = label, count = 0, anonymous = s.anonymous, order = #speakers + 1 }
        by_key[key] = sp
        speakers[#speakers + 1] = sp
      end
      sp.count = sp.count + 1
      -- the speaker's phrase in the text, when the quote points at one
      if s.first and s.last and s.last >= s.first then
        spans[#spans + 1] = { kind = "spk", start = s.first - 1, stop = s.last, speaker = key }
      end
    end
    local cue = q.cue
    if cue and cue.first and cue.last and cue.last >= cue.first then
      spans[#spans + 1] = { kind = "cue", start = cue.first - 1, stop = cue.last }
    end
    spans[#spans + 1] = { kind = "quote", start = q.first - 1, stop = q.last, qkind = qkind,
                          index = qi, speaker = key, label = label,
                          cue = cue and gsub(cue.text, "%s+", " ") }
  end
  sort(speakers, function(a, b)
    if a.count ~= b.count then return a.count > b.count end
    return a.order < b.order
  end)
  return spans, speakers, { types = types, by_type = by_type, entities = nent,
                            kinds = kinds, quotes = qi }
end

-- The text as HTML with the collected 'spans' marked.
local function body_of(text, spans)
  -- The walk below visits every offset where a span opens or closes, in
  -- order, keeping a stack of the open spans; the text between two such
  -- offsets is written escaped.
  -- drop empty and out-of-range spans: they cannot be shown
  local list = {}
  for _, s in ipairs(spans) do
    if s.stop > s.start and s.start >= 0 and s.stop <= #text then list[#list + 1] = s end
  end
  for i, s in ipairs(list) do s.order = i end
  -- by start; at one start the longest first, so that it is the outer
  -- tag, and on a tie the RANK order (a quote holds its mentions)
  sort(list, function(a, b)
    if a.start ~= b.start then return a.start < b.start end
    if a.stop ~= b.stop then return a.stop > b.stop end
    if RANK[a.kind] ~= RANK[b.kind] then return RANK[a.kind] < RANK[b.kind] end
    return a.order < b.order
  end)
  -- every offset where something opens or closes, sorted; an offset
  -- can come more than once (the walk skips repeats)
  local points, np = { 0, #text }, 2
  for i = 1, #list do
    local s = list[i]
    points[np + 1], points[np + 2] = s.start, s.stop
    np = np + 2
  end
  sort(points)
  -- Only pieces holding a byte to escape go through 'escape': in valid
  -- UTF-8, those with a markup or control character (or cut inside a
  -- character); in a text that is not, any byte >= 0x80 too.  The walk
  -- goes forward, so the next such byte is searched for once per hit.
  local len = #text
  local to_escape = utf8.len(text) and "[&<>\"'%z\1-\8\11\12\14-\31\127]"
                    or "[&<>\"'%z\1-\8\11\12\14-\31\127\128-\255]"
  local next_special = 0
  -- 'pos' is the first byte not yet written; 'next_span' the next span
  -- of 'list' to open
  local out, n = {}, 0
  local stack, next_span, pos = {}, 1, 0
  local last_point
  for k = 1, np do
    local p = points[k]
    if p == last_point then goto next_point end
    last_point = p
    if p > pos then
      if next_special <= pos then next_special = find(text, to_escape, pos + 1) or len + 1 end
      local piece = sub(text, pos + 1, p)
      -- a continuation byte right after either end: a character is cut
      local b1, b2 = byte(text, pos + 1), byte(text, p + 1)
      if next_special <= p or (b1 >= 0x80 and b1 < 0xC0) or (b2 and b2 >= 0x80 and b2 < 0xC0) then
        piece = escape(piece)
      end
      n = n + 1; out[n] = piece
      pos = p
    end
    -- close what ends here; spans above it that go on are closed and
    -- reopened, so that the tags nest
    local lowest
    for k = 1, #stack do
      if stack[k].stop <= p then lowest = k; break end
    end
    if lowest then
      local reopen   -- made only when a span must be reopened (rare)
      for k = #stack, lowest, -1 do
        n = n + 1; out[n] = "</span>"
        if stack[k].stop > p then
          reopen = reopen or {}
          reopen[#reopen + 1] = stack[k]
        end
        stack[k] = nil
      end
      for k = reopen and #reopen or 0, 1, -1 do
        local s = reopen[k]
        n = n + 1; out[n] = open_tag(s, true)
        stack[#stack + 1] = s
      end
    end
    -- open what starts here, outer first
    while list[next_span] and list[next_span].start == p do
      local s = list[next_span]
      n = n + 1; out[n] = open_tag(s, false)
      stack[#stack + 1] = s
      next_span = next_span + 1
    end
    ::next_point::
  end
  -- the last point is the end of the text, where every span has closed;
  -- this only guards against a span reaching past it
  for _ = 1, #stack do n = n + 1; out[n] = "</span>" end
  return concat(out)
end

-- html.body(doc): the doc's text as HTML with its spans marked (the
-- inside of the page's text block).
function html.body(doc)
  return body_of(doc.text, (collect(doc)))
end

-- }==================================================================


-- {==================================================================
-- The page
-- ===================================================================

local CSS = [[
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;background:#fafafa}
header{padding:12px 24px;background:#1f2937;color:#fff}
header h1{margin:0;font-size:18px;font-weight:600;word-break:break-all}
header p{margin:2px 0 0;font-size:13px;color:#cbd5e1}
main{display:grid;grid-template-columns:minmax(0,1fr) 320px;gap:24px;padding:24px;max-width:1280px}
#text{white-space:pre-wrap;font:17px/1.75 Georgia,"Times New Roman",serif;background:#fff;padding:24px 28px;border:1px solid #e5e7eb;border-radius:6px;overflow-wrap:anywhere}
aside section{background:#fff;border:1px solid #e5e7eb;border-radius:6px;padding:12px 14px;margin-bottom:16px}
aside h2{font-size:13px;text-transform:uppercase;letter-spacing:.05em;color:#6b7280;margin:0 0 8px}
ul.legend,ul.speakers{list-style:none;margin:0;padding:0}
ul.legend li{display:inline-block;margin:0 6px 6px 0;font-size:13px}
.swatch{padding:1px 6px;border-radius:3px;font-weight:600}
.ent{border-radius:3px;padding:0 1px}
.ent:hover{outline:1px solid #555}
.quote,.kind{border-bottom:2px solid #d62828}
.quote{cursor:pointer}
.q-partial{border-bottom-color:#f77f00}
.q-indirect{border-bottom:2px dashed #3a86ff}
.q-scare{border-bottom:2px dotted #888;cursor:auto}
.quote.active{background:rgba(255,214,10,.45)}
.kind{display:inline-block;width:26px;margin-right:6px;vertical-align:middle}
.who{font:600 10px/1 system-ui,sans-serif;background:#374151;color:#fff;border-radius:8px;padding:2px 6px;margin:0 3px;vertical-align:2px;user-select:none;cursor:pointer;white-space:nowrap}
.who.active{background:#b45309}
.spk{box-shadow:inset 0 -3px 0 #374151}
.spk.active{box-shadow:inset 0 -3px 0 #b45309}
.cue{font-style:italic;text-decoration:underline dotted}
button.speaker{display:flex;justify-content:space-between;width:100%;border:0;background:none;padding:4px 6px;font:inherit;font-size:14px;text-align:left;border-radius:4px;cursor:pointer}
button.speaker:hover,button.speaker.active{background:#fef3c7}
button.speaker .count{color:#6b7280;margin-left:8px}
button.speaker .anon{color:#6b7280;font-style:italic}
#panel ol{padding-left:20px;margin:0}
#panel li{margin-bottom:8px;font:14px/1.45 Georgia,serif}
#panel h3{font-size:14px;margin:0 0 8px}
.empty{color:#6b7280;font-size:13px}
@media (max-width:900px){main{grid-template-columns:1fr}}
]]

local JS = [[
(function () {
  "use strict";
  document.documentElement.className += " js";
  var panel = document.getElementById("panel");
  var quotes = Array.prototype.slice.call(document.querySelectorAll(".quote[data-speaker]"));
  var labels = {};
  Array.prototype.forEach.call(document.querySelectorAll("button.speaker"), function (b) {
    labels[b.getAttribute("data-speaker")] = b.getAttribute("data-label");
  });
  var pinned = null;
  // a quote's own words, without the speaker badges inside it
  function words(el) {
    var copy = el.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".who"), function (b) { b.remove(); });
    return copy.textContent;
  }
  // mark the speaker's quotes, phrases and badges; list the quotes
  function show(key) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-speaker]"), function (el) {
      el.classList.toggle("active", key !== null && el.getAttribute("data-speaker") === key);
    });
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    if (key === null) { panel.hidden = true; return; }
    var items = {}, order = [];
    quotes.forEach(function (q) {
      if (q.getAttribute("data-speaker") !== key) return;
      var n = q.getAttribute("data-q");
      if (!(n in items)) { items[n] = ""; order.push(n); }
      items[n] += words(q);
    });
    var h = document.createElement("h3");
    h.textContent = (labels[key] || key) + ": " + order.length + (order.length === 1 ? " quote" : " quotes");
    var ol = document.createElement("ol");
    order.forEach(function (n) {
      var li = document.createElement("li");
      li.className = "panel-quote";
      li.setAttribute("data-q", n);
      li.textContent = items[n];
      ol.appendChild(li);
    });
    panel.appendChild(h);
    panel.appendChild(ol);
    panel.hidden = false;
  }
  function keyOf(target) {
    var el = target.closest ? target.closest("[data-speaker]") : null;
    return el ? el.getAttribute("data-speaker") : null;
  }
  document.addEventListener("click", function (e) {
    var key = keyOf(e.target);
    if (key === null) return;
    pinned = pinned === key ? null : key;
    show(pinned);
  });
  document.addEventListener("mouseover", function (e) {
    if (!e.target.closest || !e.target.closest(".who, .spk, button.speaker")) return;
    show(keyOf(e.target));
  });
  document.addEventListener("mouseout", function (e) {
    if (!e.target.closest || !e.target.closest(".who, .spk, button.speaker")) return;
    show(pinned);
  });
  var m = /^#speaker=(.*)$/.exec(location.hash);
  if (m) { pinned = decodeURIComponent(m[1]); show(pinned); }
  document.body.setAttribute("data-ready", "1");
})();
]]

-- The CSS rules giving each type present its colour.
local function type_css(types)
  local rules = {}
  for _, t in ipairs(types) do
    local sel = css_string(t)
    rules[#rules + 1] = format(".ent[data-type=%s],.swatch[data-type=%s]{background:%s}",
                               sel, sel, colour_of(t))
  end
  return concat(rules, "\n")
end

-- html.page(doc [, opts]): the whole page as a string.  'opts.title':
-- the page's title (default "annot").
function html.page(doc, opts)
  opts = opts or {}
  local title = tostring(opts.title or "annot")
  -- the spans, the speakers as the quotes name them (most quoted first),
  -- the types present with counts (in order of first use): one pass
  local spans, speakers, stats = collect(doc)
  local body = body_of(doc.text, spans)
  local counts, types, nent = stats.by_type, stats.types, stats.entities
  local kinds, nquotes = stats.kinds, stats.quotes
  -- the page: head with the style, header with counts, text, side bar
  -- (legend, speakers, panel), script last so the DOM is there when it runs
  local out = {}
  out[#out + 1] = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
  out[#out + 1] = '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
  out[#out + 1] = "<title>" .. escape(title) .. "</title>\n<style>\n" .. CSS
                  .. type_css(types) .. "\n</style>\n</head>\n<body>\n"
  out[#out + 1] = format("<header><h1>%s</h1><p>%d bytes \u{00B7} %d entity mentions \u{00B7} %d quotes \u{00B7} %d speakers</p></header>\n",
                         escape(title), #doc.text, nent, nquotes, #speakers)
  out[#out + 1] = '<main>\n<div id="text">' .. body .. "</div>\n<aside>\n"
  -- legend: entity types, then quote kinds
  out[#out + 1] = '<section id="legend"><h2>Entities</h2><ul class="legend">'
  for _, t in ipairs(types) do
    out[#out + 1] = format('<li><span class="swatch" data-type="%s">%s</span> %d</li>',
                           escape(t), escape(t), counts[t])
  end
  if #types == 0 then out[#out + 1] = '<li class="empty">none</li>' end
  out[#out + 1] = '</ul><h2 style="margin-top:10px">Quotes</h2><ul class="legend">'
  for _, k in ipairs({ "direct", "partial", "indirect", "scare" }) do
    out[#out + 1] = format('<li><span class="kind q-%s">&nbsp;</span>%s %d</li>', k, k,
                           kinds[k] or 0)
  end
  out[#out + 1] = "</ul></section>\n"
  -- speakers, most quoted first
  out[#out + 1] = '<section id="speakers"><h2>Speakers</h2><ul class="speakers">'
  for _, sp in ipairs(speakers) do
    out[#out + 1] = format('<li><button class="speaker" type="button" data-speaker="%s" data-label="%s"><span%s>%s</span><span class="count">%d</span></button></li>',
                           escape(sp.key), escape(sp.label), sp.anonymous and ' class="anon"' or "",
                           escape(sp.label), sp.count)
  end
  if #speakers == 0 then out[#out + 1] = '<li class="empty">no attributed quotes</li>' end
  out[#out + 1] = '</ul></section>\n<section id="panel" hidden></section>\n</aside>\n</main>\n'
  out[#out + 1] = "<script>\n" .. JS .. "</script>\n</body>\n</html>\n"
  return concat(out)
end

-- }==================================================================

return html
