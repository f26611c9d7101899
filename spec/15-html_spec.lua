-- 15-html_spec.lua: annot.html, the page per document.  The markup is
-- checked as text first; then the page is loaded in a real headless
-- Chromium (the Debian package 'chromium'; these cases are skipped when
-- /usr/bin/chromium is absent) to check the DOM after the page's script
-- ran, and a screenshot.

package.path = "./spec/?.lua;" .. package.path
local fake = require "fake_doc"
local html = require "annot.html"

-- {====== helpers

-- The text of an HTML fragment: badges dropped, tags stripped, entities
-- decoded (only those the module writes).
local function text_of(fragment)
  local s = fragment:gsub('<span class="who"[^>]*>.-</span>', "")
  s = s:gsub("<[^>]*>", "")
  local ents = { amp = "&", lt = "<", gt = ">", quot = '"', ["#39"] = "'" }
  return (s:gsub("&(#?%w+);", ents))
end

-- Are the <span> tags of 'fragment' balanced?
local function balanced(fragment)
  local depth = 0
  for close in fragment:gmatch("<(/?)span[ >]") do
    depth = depth + (close == "/" and -1 or 1)
    if depth < 0 then return false end
  end
  return depth == 0
end

-- Count the matches of a plain string.
local function count(s, needle)
  local n, pos = 0, 1
  while true do
    local a, b = s:find(needle, pos, true)
    if not a then return n end
    n, pos = n + 1, b + 1
  end
end

-- }======

-- an invented report: two speakers, a scare quote, markup-like text
local TEXT = "Foreign Minister Dmytro Kuleba said on Monday: “Ukraine will not trade "
  .. "territory for peace.” Kremlin spokesman Dmitry Peskov called the talks "
  .. "“useful” & said <b>nothing</b> new.\n\n“We are patient,” Kuleba added."

local function the_doc()
  return fake.doc(TEXT, {
    entities = {
      { "Dmytro Kuleba", "PERSON", canonical = "Dmytro Kuleba", role = "Foreign Minister" },
      { "Monday", "DATE" },
      { "Ukraine", "GPE", canonical = "Ukraine" },
      { "Kremlin", "ORG", canonical = "Kremlin" },
      { "Dmitry Peskov", "PERSON", canonical = "Dmitry Peskov" },
      { "Kuleba", "PERSON", canonical = "Dmytro Kuleba", nth = 2 },
    },
    quotes = {
      { "“Ukraine will not trade territory for peace.”", "direct",
        speaker = { "Dmytro Kuleba", canonical = "Dmytro Kuleba", nth = 1 }, cue = ":" },
      { "“useful”", "scare" },
      { "“We are patient,”", "direct",
        speaker = { "Kuleba", canonical = "Dmytro Kuleba" }, cue = "added" },
    },
  })
end

describe("html.escape", function()
  it("escapes markup characters", function()
    assert.equal("&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39;", html.escape("<b> & \"x\" 'y'"))
  end)
  it("shows control bytes as control pictures and keeps tabs and line breaks", function()
    assert.equal("a\u{2400}b\u{2401}\t\n\r\u{2421}", html.escape("a\0b\1\t\n\r\127"))
  end)
  it("replaces invalid UTF-8 with U+FFFD and keeps valid characters", function()
    assert.equal("Kyiv\u{FFFD}\u{FFFD}’", html.escape("Kyiv\255\254’"))
    assert.equal("\u{FFFD}\u{FFFD}", html.escape("\226\128"))   -- one per byte
  end)
end)

describe("html.body", function()
  it("keeps every byte of the text, in order", function()
    assert.equal(TEXT, text_of(html.body(the_doc())))
  end)
  it("marks entities with their type and canonical name", function()
    local body = html.body(the_doc())
    assert.truthy(body:find('<span class="ent" data-type="PERSON" data-canonical="Dmitry Peskov"', 1, true))
    assert.equal(6, count(body, 'class="ent"'))
    assert.truthy(body:find("&lt;b&gt;nothing&lt;/b&gt;", 1, true))
    assert.is_nil(body:find("<b>", 1, true))
  end)
  it("marks quotes by kind, with a speaker badge", function()
    local body = html.body(the_doc())
    assert.equal(3, count(body, 'class="quote '))
    assert.equal(2, count(body, '<span class="who" data-speaker="Dmytro Kuleba"'))
    assert.truthy(body:find('class="quote q-scare" data-q="2" data-kind="scare" title="scare quote"', 1, true))
    assert.equal(2, count(body, 'class="spk" data-speaker="Dmytro Kuleba"'))
  end)
  it("splits crossing spans so that tags nest", function()
    -- a quote that ends inside a name: the name is split into two pieces
    local text = "He said “talk to Antony” Blinken later."
    local doc = fake.doc(text, {
      entities = { { "Antony” Blinken", "PERSON", canonical = "Antony Blinken" } },
      quotes = { { "“talk to Antony”", "partial" } },
    })
    local body = html.body(doc)
    assert.truthy(balanced(body))
    assert.equal(2, count(body, 'data-canonical="Antony Blinken"'))
    assert.equal(text, text_of(body))
  end)
  it("survives NUL bytes, invalid UTF-8 and an empty text", function()
    local doc = fake.doc("Kyiv\0\255 said “no”", { quotes = { { "“no”", "direct" } } })
    local body = html.body(doc)
    assert.truthy(utf8.len(body))
    assert.is_nil(body:find("%z"))
    assert.equal("", html.body(fake.doc("")))
  end)
end)

describe("html.page", function()
  local page = html.page(the_doc(), { title = "Kuleba <interview>" })
  it("is one self-contained HTML document", function()
    assert.equal("<!DOCTYPE html>", page:sub(1, 15))
    assert.truthy(page:find("<style>", 1, true))
    assert.truthy(page:find("<script>", 1, true))
    for _, outside in ipairs({ "src=", "<link", "http://", "https://", "@import", "url(" }) do
      assert.is_nil(page:find(outside, 1, true), outside)
    end
  end)
  it("escapes its title", function()
    assert.truthy(page:find("<title>Kuleba &lt;interview&gt;</title>", 1, true))
  end)
  it("has a legend with each type present and a colour for it", function()
    assert.truthy(page:find('<span class="swatch" data-type="PERSON">PERSON</span> 3', 1, true))
    assert.truthy(page:find('<span class="swatch" data-type="DATE">DATE</span> 1', 1, true))
    assert.truthy(page:find('.ent[data-type="GPE"]', 1, true))
    assert.is_nil(page:find('data-type="LOC"', 1, true))
  end)
  it("lists the speakers, most quoted first", function()
    local kuleba = page:find('<button class="speaker" type="button" data-speaker="Dmytro Kuleba"', 1, true)
    assert.truthy(kuleba)
    assert.truthy(page:find('<span class="count">2</span>', kuleba, true))
  end)
  it("gives user labels a colour too", function()
    local doc = fake.doc("NATO began Operation Steadfast Defender.",
                         { entities = { { "Operation Steadfast Defender", "OPERATION" } } })
    assert.truthy(html.page(doc):find('.ent[data-type="OPERATION"],.swatch[data-type="OPERATION"]{background:hsl(', 1, true))
  end)
  it("shows a real doc whole", function()
    local annot = require "annot"
    local text = "“Diplomacy is the only way,” German Chancellor Olaf Scholz told reporters "
      .. "in Berlin on Wednesday, after talks with Polish President Andrzej Duda.\n"
    local body = html.body(annot.annotate(text))
    assert.truthy(balanced(body))
    assert.equal(text, text_of(body))
  end)
end)

-- {====== in a real browser

local chromium = "/usr/bin/chromium"
local have_chromium = io.open(chromium, "rb")
if have_chromium then have_chromium:close() end

-- Run headless Chromium on 'url' with extra flags; returns its stdout.
local function browse(flags, url)
  local profile = os.tmpname()
  os.remove(profile)
  -- the browser runs without the sanitizer runtime that "make check"
  -- preloads into the specs
  local cmd = table.concat({ "env -u LD_PRELOAD", chromium, "--headless", "--no-sandbox", "--disable-gpu",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--user-data-dir=" .. profile, flags, "'" .. url .. "'",
    "2>/dev/null" }, " ")
  local p = io.popen(cmd)
  local out = p:read("a")
  p:close()
  os.execute("rm -rf '" .. profile .. "'")
  return out
end

if not have_chromium then
  pending("html in Chromium: /usr/bin/chromium is not installed")
else
  describe("html in Chromium", function()
    local file
    setup(function()
      file = os.tmpname() .. ".html"
      local f = assert(io.open(file, "wb"))
      f:write(html.page(the_doc(), { title = "Kuleba interview" }))
      f:close()
    end)
    teardown(function() os.remove(file) end)

    it("runs the page's script and keeps the highlighted spans", function()
      local dom = browse("--dump-dom", "file://" .. file)
      assert.truthy(dom:find('<body data-ready="1">', 1, true))
      assert.equal(6, count(dom, 'class="ent"'))
      assert.equal(3, count(dom, 'class="quote q-'))
      assert.truthy(dom:find('<section id="panel" hidden="">', 1, true))
    end)
    it("shows all of a speaker's quotes when the speaker is chosen", function()
      local dom = browse("--dump-dom", "file://" .. file .. "#speaker=Dmytro%20Kuleba")
      local panel = dom:match('<section id="panel">(.-)</section>')
      assert.truthy(panel, "the panel is shown")
      assert.truthy(panel:find("<h3>Dmytro Kuleba: 2 quotes</h3>", 1, true))
      assert.truthy(panel:find("“Ukraine will not trade territory for peace.”", 1, true))
      assert.truthy(panel:find("“We are patient,”", 1, true))
      -- the chosen speaker's quotes are marked, the scare quote is not
      assert.equal(2, count(dom, 'class="quote q-direct active"'))
      assert.equal(1, count(dom, 'class="quote q-scare"'))
    end)
    it("takes a screenshot that is a real picture", function()
      local png = os.tmpname() .. ".png"
      browse("--screenshot=" .. png .. " --window-size=1200,900", "file://" .. file .. "#speaker=Dmytro%20Kuleba")
      local f = io.open(png, "rb")
      assert.truthy(f, "no screenshot written")
      local data = f:read("a")
      f:close()
      os.remove(png)
      assert.equal("\137PNG\r\n\26\n", data:sub(1, 8))
      local w, h = string.unpack(">I4I4", data, 17)
      assert.same({ 1200, 900 }, { w, h })
      -- a blank page compresses to a few hundred bytes; this one has text
      assert.truthy(#data > 20000, "screenshot is only " .. #data .. " bytes")
    end)
  end)
end

-- }======
