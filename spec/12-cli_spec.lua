-- 12-cli_spec.lua: the 'annot' command-line tool, run as a process the
-- way users run it (bin/annot from the checkout; the build tree comes
-- from $ANNOT_BUILD, as tools/run-tests sets it), and annot.json, which
-- reads its JSON Lines.

local json = require "annot.json"

-- {====== helpers

local tmpdir

-- Write 'text' to 'name' in the spec's scratch directory; returns the path.
local function put(name, text)
  local path = tmpdir .. "/" .. name
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
  return path
end

-- Read a whole file.
local function slurp(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

-- a shell word
local function sh(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

-- Run bin/annot with 'args' (a string of shell words) and 'stdin' (a
-- string, or nothing); returns stdout, exit code, stderr.
local function annot(args, stdin)
  local input = put("stdin.txt", stdin or "")
  local err = tmpdir .. "/stderr.txt"
  local p = io.popen("./bin/annot " .. args .. " <" .. sh(input) .. " 2>" .. sh(err))
  local out = p:read("a")
  local _, _, code = p:close()
  return out, code, slurp(err)
end

-- The lines of 's' (without their ends).
local function lines(s)
  local list = {}
  for line in s:gmatch("([^\n]*)\n") do list[#list + 1] = line end
  return list
end

-- The records of JSON Lines output 's', decoded.
local function records(s)
  local list = {}
  for i, line in ipairs(lines(s)) do list[i] = json.decode(line) end
  return list
end

-- The last record of JSON Lines output 's' whose 'field' is 'value', or nil.
local function last_record(s, field, value)
  local found
  for _, r in ipairs(records(s)) do
    if r[field] == value then found = r end
  end
  return found
end

-- }======

-- invented news sentences for the inputs
local KYIV = "KYIV, Ukraine (AP) — Ukrainian officials said on Monday that Russian troops "
  .. "remained near the border. “We are ready for any scenario,” Defense Minister "
  .. "Oleksii Reznikov told lawmakers in Kyiv.\n\nNATO said it would send more ships "
  .. "to the Black Sea.\n"
local GENEVA = "GENEVA (Reuters) — U.S. and Russian diplomats met for seven hours on Tuesday. "
  .. "Deputy Secretary of State Wendy Sherman said the talks were “frank and forthright.”\n"
local BERLIN = "Chancellor Olaf Scholz said in Berlin that Germany would not send weapons.\n"

setup(function()
  tmpdir = os.tmpname()
  os.remove(tmpdir)
  assert(os.execute("mkdir -p " .. sh(tmpdir) .. "/corpus/sub " .. sh(tmpdir) .. "/out"))
  put("kyiv.txt", KYIV)
  put("geneva.txt", GENEVA)
  put("corpus/b.txt", GENEVA)
  put("corpus/a.txt", KYIV)
  put("corpus/sub/c.txt", BERLIN)
  put("corpus/readme.md", "not news")
end)

teardown(function()
  os.execute("rm -rf " .. sh(tmpdir))
end)

describe("annot --help", function()
  it("lists every command and every common option", function()
    local out, code = annot("--help")
    assert.equal(0, code)
    for _, word in ipairs({ "json", "tokens", "entities", "quotes", "speakers", "html", "brat",
                            "conll", "csv", "run", "--jobs", "--jsonl", "--lexicon", "--pattern",
                            "--no-default-lexicon", "--output", "--quiet", "--help" }) do
      assert.truthy(out:find(word, 1, true), word)
    end
  end)
  it("has a page for each command", function()
    for _, cmd in ipairs({ "json", "tokens", "entities", "quotes", "speakers", "html", "brat",
                           "conll", "csv", "run" }) do
      local out, code = annot(cmd .. " --help")
      assert.equal(0, code)
      assert.equal("usage: annot " .. cmd, out:match("^usage: annot %a+"))
    end
  end)
  it("--version names the module's version", function()
    local out, code = annot("--version")
    assert.equal(0, code)
    assert.equal(require("annot")._VERSION .. "\n", out)
  end)
  it("is shown, with status 2, when no command is given", function()
    local out, code = annot("")
    assert.equal(2, code)
    assert.truthy(out:find("usage: annot COMMAND", 1, true))
  end)
end)

describe("usage errors", function()
  local cases = {
    { "frobnicate x.txt", "unknown command 'frobnicate'" },
    { "json --bogus", "unknown option '--bogus'" },
    { "json --kind direct", "option '--kind' does not apply to 'json'" },
    { "json --jobs many", "option '--jobs': 'many' is not a count" },
    { "json --jobs", "option '--jobs' needs a value" },
    { "entities --format xml", "--format 'xml'" },
    { "json --pattern NOEQUALS", "expected LABEL=REGEX" },
    { "json --pattern 'BAD=(unclosed'", "BAD" },
    { "json --lexicon /nonexistent/names.tsv", "--lexicon" },
    { "run", "no SCRIPT given" },
    { "csv --table people", "--table 'people'" },
  }
  for _, case in ipairs(cases) do
    it("'" .. case[1] .. "' exits 2 and says why", function()
      local _, code, err = annot(case[1], "text")
      assert.equal(2, code)
      assert.truthy(err:find(case[2], 1, true), err)
    end)
  end
end)

describe("annot json", function()
  it("writes one JSON object per file, in order", function()
    local out, code, err = annot("json " .. sh(tmpdir .. "/kyiv.txt") .. " " .. sh(tmpdir .. "/geneva.txt"))
    assert.equal(0, code)
    assert.equal("", err)
    local l = lines(out)
    assert.equal(2, #l)
    assert.equal(#KYIV, json.decode(l[1]).text_bytes)
    assert.equal(#GENEVA, json.decode(l[2]).text_bytes)
    assert.truthy(json.decode(l[1]).tokens)
  end)
  it("leaves tokens out with --no-tokens", function()
    local out = annot("json --no-tokens " .. sh(tmpdir .. "/kyiv.txt"))
    local rec = json.decode(lines(out)[1])
    assert.is_nil(rec.tokens)
    assert.truthy(rec.entities)
  end)
  it("reads standard input with '-' or with no file", function()
    local a = annot("json -", GENEVA)
    local b = annot("json", GENEVA)
    assert.equal(a, b)
    assert.equal(#GENEVA, json.decode(a).text_bytes)
  end)
  it("writes the same as the file would give", function()
    local a = annot("json -", KYIV)
    local b = annot("json " .. sh(tmpdir .. "/kyiv.txt"))
    assert.equal(a, b)
  end)
  it("goes on past a missing file, keeps its place, exits 1", function()
    local out, code, err = annot("json --no-tokens " .. sh(tmpdir .. "/kyiv.txt") .. " "
                                 .. sh(tmpdir .. "/missing.txt") .. " " .. sh(tmpdir .. "/geneva.txt"))
    assert.equal(1, code)
    local l = lines(out)
    assert.equal(3, #l)
    assert.equal(#KYIV, json.decode(l[1]).text_bytes)
    assert.equal(tmpdir .. "/missing.txt", json.decode(l[2]).file)
    assert.truthy(json.decode(l[2]).error)
    assert.equal(#GENEVA, json.decode(l[3]).text_bytes)
    assert.truthy(err:find("missing.txt", 1, true))
  end)
  it("walks a directory for *.txt, in name order", function()
    local out, code = annot("json --no-tokens --id " .. sh(tmpdir .. "/corpus"))
    assert.equal(0, code)
    local ids = {}
    for _, r in ipairs(records(out)) do ids[#ids + 1] = r.id end
    assert.same({ tmpdir .. "/corpus/a.txt", tmpdir .. "/corpus/b.txt",
                  tmpdir .. "/corpus/sub/c.txt" }, ids)
  end)
  it("writes to --output", function()
    local target = tmpdir .. "/out/one.jsonl"
    local out, code = annot("json -o " .. sh(target) .. " " .. sh(tmpdir .. "/geneva.txt"))
    assert.equal(0, code)
    assert.equal("", out)
    assert.equal(#GENEVA, json.decode(lines(slurp(target))[1]).text_bytes)
  end)
  it("prints no progress line when standard error is not a terminal", function()
    local _, _, err = annot("json " .. sh(tmpdir .. "/corpus"))
    assert.equal("", err)
  end)
  -- util-linux 'script' runs a command on a pseudo-terminal
  local has_script = io.open("/usr/bin/script", "rb")
  if has_script then has_script:close() end
  ;(has_script and it or pending)("shows progress when standard error is a terminal", function()
    local cmd = "./bin/annot json " .. sh(tmpdir .. "/corpus") .. " >/dev/null"
    local p = io.popen("script -qec " .. sh(cmd) .. " /dev/null")
    local tty = p:read("a")
    p:close()
    assert.truthy(tty:find("annot: 3 documents, 0.0 MB", 1, true), tty)
    local quiet = io.popen("script -qec " .. sh(cmd:gsub("json", "json -q", 1)) .. " /dev/null")
    local none = quiet:read("a")
    quiet:close()
    assert.is_nil(none:find("documents", 1, true))
  end)
end)

describe("annot json --jsonl", function()
  it("carries each record's id, in order", function()
    local input = json.encode({ id = "a1", text = KYIV }) .. "\n"
      .. json.encode({ id = 7, text = GENEVA }) .. "\n"
    local out, code = annot("json --jsonl --no-tokens", input)
    assert.equal(0, code)
    local l = lines(out)
    assert.equal("a1", json.decode(l[1]).id)
    assert.equal(7, json.decode(l[2]).id)
    assert.equal(#GENEVA, json.decode(l[2]).text_bytes)
    assert.equal('{"id":"a1",', l[1]:sub(1, 11))
  end)
  it("gives an error record for each bad line and goes on", function()
    local input = table.concat({
      json.encode({ id = 1, text = BERLIN }),
      "{not json",
      json.encode({ id = 2, body = "no text field" }),
      "[1, 2]",
      "",
      json.encode({ text = GENEVA }),
      json.encode({ id = 3, text = KYIV }),
    }, "\n") .. "\n"
    local out, code, err = annot("json --jsonl --no-tokens", input)
    assert.equal(1, code)
    local recs = records(out)
    assert.equal(6, #recs)   -- the blank line is no record
    assert.equal(1, recs[1].id)
    assert.equal(json.null, recs[2].id)
    assert.truthy(recs[2].error)
    assert.equal(2, recs[3].id)
    assert.truthy(recs[3].error:find("text", 1, true))
    assert.equal(json.null, recs[4].id)
    assert.truthy(recs[4].error)
    assert.equal(json.null, recs[5].id)
    assert.equal(#GENEVA, recs[5].text_bytes)
    assert.equal(3, recs[6].id)
    assert.truthy(err:find("<stdin>:2", 1, true))
  end)
  it("keeps the id of a broken record when it comes first", function()
    local input = '{"id": "w-17", "text": "cut off in the mid\n{"id": 4.5, "text": 1}\n'
    local out, code = annot("json --jsonl", input)
    assert.equal(1, code)
    local l = lines(out)
    assert.equal("w-17", json.decode(l[1]).id)
    assert.truthy(json.decode(l[1]).error:find("unterminated string", 1, true))
    assert.equal(4.5, json.decode(l[2]).id)
  end)
  it("reads records from files and directories of *.jsonl", function()
    put("corpus2.jsonl", json.encode({ id = "x", text = BERLIN }) .. "\r\n")
    local out, code = annot("json --jsonl --no-tokens " .. sh(tmpdir .. "/corpus2.jsonl"))
    assert.equal(0, code)
    assert.equal("x", json.decode(lines(out)[1]).id)
  end)
end)

describe("annot --jobs", function()
  it("gives the same output, in input order, as one thread", function()
    local texts = { KYIV, GENEVA, BERLIN }
    local input = {}
    for i = 1, 40 do
      input[i] = json.encode({ id = i, text = texts[i % 3 + 1] .. ("Day " .. i .. ".") })
    end
    input = table.concat(input, "\n") .. "\n"
    local one, c1 = annot("json --jsonl", input)
    local four, c4 = annot("json --jsonl --jobs 4", input)
    local auto = annot("json --jsonl -j 0", input)
    assert.equal(0, c1)
    assert.equal(0, c4)
    assert.equal(40, #lines(one))
    assert.equal(one, four)
    assert.equal(one, auto)
  end)
  it("fails a bad text alone, in its place, as one thread does", function()
    local runaway = put("runaway.txt", ("a"):rep(60) .. "!")
    local args = "json --no-tokens --id --pattern 'SLOW=(a|aa)+$' " .. sh(tmpdir .. "/kyiv.txt")
                 .. " " .. sh(runaway) .. " " .. sh(tmpdir .. "/geneva.txt")
    local one, c1, e1 = annot(args .. " --jobs 1")
    local two, c2, e2 = annot(args .. " --jobs 2")
    assert.equal(1, c1)
    assert.equal(1, c2)
    assert.equal(one, two)
    assert.equal(e1, e2)
    local l = lines(two)
    assert.equal(3, #l)
    assert.matches("^annotate: pattern 'SLOW'", json.decode(l[2]).error)
    assert.equal(#GENEVA, json.decode(l[3]).text_bytes)
  end)
  it("reads files on the threads, with read errors in place, as one thread does", function()
    -- a directory of several files, and a list with a missing file in it
    assert(os.execute("mkdir -p " .. sh(tmpdir .. "/many")))
    for i = 1, 30 do
      put("many/" .. ("%02d"):format(i) .. ".txt", ({ KYIV, GENEVA, BERLIN })[i % 3 + 1]
          .. (" Day %d."):format(i))
    end
    put("many/empty.txt", "")
    local args = "json --no-tokens --id " .. sh(tmpdir .. "/kyiv.txt") .. " "
                 .. sh(tmpdir .. "/no such file.txt") .. " " .. sh(tmpdir .. "/many")
                 .. " " .. sh(tmpdir .. "/geneva.txt") .. " " .. sh(tmpdir .. "/gone: too.txt")
    local one, c1, e1 = annot(args .. " --jobs 1")
    local two, c2, e2 = annot(args .. " --jobs 2")
    local auto, c0 = annot(args .. " -j 0")
    assert.equal(1, c1)
    assert.equal(1, c2)
    assert.equal(1, c0)
    assert.equal(one, two)
    assert.equal(one, auto)
    assert.equal(e1, e2)
    local l = lines(two)
    assert.equal(35, #l)
    local missing = json.decode(l[2])
    assert.equal(tmpdir .. "/no such file.txt", missing.id)
    assert.equal("No such file or directory", missing.error)
    assert.equal(0, json.decode(l[33]).text_bytes)
    assert.equal(#GENEVA, json.decode(l[34]).text_bytes)
    assert.truthy(json.decode(l[35]).error)
    assert.matches("no such file.txt: No such file or directory", e2, 1, true)
  end)
  it("writes the JSON doc:to_json gives, tokens and all", function()
    local out = annot("json --jobs 2 " .. sh(tmpdir .. "/kyiv.txt") .. " " .. sh(tmpdir .. "/geneva.txt"))
    local annot_module = require "annot"
    assert.equal(annot_module.annotate(KYIV):to_json() .. "\n" .. annot_module.annotate(GENEVA):to_json()
                 .. "\n", out)
  end)
end)

describe("annot tokens", function()
  it("writes index, first, last, kind and text of each token", function()
    local out, code = annot("tokens " .. sh(tmpdir .. "/geneva.txt"))
    assert.equal(0, code)
    local n = 0
    for _, l in ipairs(lines(out)) do
      local i, first, last, kind, text = l:match("^(%d+)\t(%d+)\t(%d+)\t(%a+)\t(.*)$")
      assert.truthy(i, l)
      n = n + 1
      assert.equal(n, tonumber(i))
      assert.equal(GENEVA:sub(tonumber(first), tonumber(last)), text)
    end
    assert.equal(#require("annot").annotate(GENEVA), n)
  end)
  it("heads each document with its name when there are several", function()
    local out = annot("tokens " .. sh(tmpdir .. "/kyiv.txt") .. " " .. sh(tmpdir .. "/geneva.txt"))
    local heads = {}
    for _, l in ipairs(lines(out)) do
      if l:sub(1, 2) == "# " then heads[#heads + 1] = l end
    end
    assert.same({ "# " .. tmpdir .. "/kyiv.txt", "# " .. tmpdir .. "/geneva.txt" }, heads)
  end)
end)

describe("annot entities", function()
  -- the mentions the annotator finds, through the Lua API
  local function mentions(text)
    local list = {}
    for m in require("annot").annotate(text):entities() do list[#list + 1] = m end
    return list
  end
  it("writes a TSV row per mention with --format tsv", function()
    local out, code = annot("entities --format tsv -", KYIV)
    assert.equal(0, code)
    local l = lines(out)
    assert.equal("doc\tfirst\tlast\ttype\ttext\tcanonical\trole\tsource", l[1])
    local want = mentions(KYIV)
    assert.equal(#want + 1, #l)
    for i, m in ipairs(want) do
      local cells = {}
      for c in (l[i + 1] .. "\t"):gmatch("([^\t]*)\t") do cells[#cells + 1] = c end
      assert.same({ "<stdin>", tostring(m.first), tostring(m.last), m.type, m.text },
                  { cells[1], cells[2], cells[3], cells[4], cells[5] })
    end
  end)
  it("writes JSON Lines with --format jsonl", function()
    local out = annot("entities --format jsonl -", KYIV)
    local l = lines(out)
    assert.equal(#mentions(KYIV), #l)
    for _, line in ipairs(l) do
      local r = json.decode(line)
      assert.equal(KYIV:sub(r.first, r.last), r.text)
    end
  end)
  it("keeps only the types asked for", function()
    local out = annot("entities --format jsonl --type GPE,NORP -", KYIV)
    for _, line in ipairs(lines(out)) do
      local t = json.decode(line).type
      assert.truthy(t == "GPE" or t == "NORP", t)
    end
  end)
  it("aligns a table by default", function()
    local out = annot("entities -", KYIV)
    local l = lines(out)
    assert.truthy(l[1]:find("^doc%s+first%s+last%s+type"))
    assert.truthy(l[2]:find("^%-+  %-+"))
  end)
end)

describe("annot --pattern and --lexicon", function()
  local text = "NATO began Operation Steadfast Defender as the Blue Harbour Initiative "
    .. "asked for calm.\n"
  it("tag a user label with a PCRE2 pattern", function()
    local out, code = annot("entities --format jsonl --pattern "
                            .. sh([[OPERATION=Operation \p{Lu}\w+(?: \p{Lu}\w+)?]]) .. " -", text)
    assert.equal(0, code)
    local found = last_record(out, "type", "OPERATION")
    assert.truthy(found)
    assert.equal("Operation Steadfast Defender", found.text)
    assert.equal("pattern", found.source)
  end)
  it("add entries from a TSV lexicon", function()
    local lex = put("names.tsv", "# a user lexicon\nBlue Harbour Initiative\tORG\tBlue Harbour Initiative (NGO)\n")
    local out, code = annot("entities --format jsonl --lexicon " .. sh(lex) .. " -", text)
    assert.equal(0, code)
    local found = last_record(out, "text", "Blue Harbour Initiative")
    assert.truthy(found)
    assert.equal("ORG", found.type)
    assert.equal("Blue Harbour Initiative (NGO)", found.canonical)
  end)
end)

describe("annot quotes and speakers", function()
  it("lists quotes with their kind, filtered by --kind", function()
    local out, code = annot("quotes --format jsonl --kind direct -", KYIV .. GENEVA)
    assert.equal(0, code)
    for _, r in ipairs(records(out)) do
      assert.equal("direct", r.kind)
      assert.equal((KYIV .. GENEVA):sub(r.first, r.last), r.text)
    end
  end)
  it("sums speakers over every input", function()
    local out, code = annot("speakers --format jsonl " .. sh(tmpdir .. "/kyiv.txt") .. " "
                            .. sh(tmpdir .. "/kyiv.txt"))
    assert.equal(0, code)
    local quoted = 0
    for q in require("annot").annotate(KYIV):quotes() do
      if q.speaker then quoted = quoted + 1 end
    end
    local sum = 0
    for _, r in ipairs(records(out)) do sum = sum + r.quotes end
    assert.equal(2 * quoted, sum)
  end)
end)

describe("annot html, brat, conll, csv", function()
  it("writes one HTML page to standard output", function()
    local out, code = annot("html -", KYIV)
    assert.equal(0, code)
    assert.equal("<!DOCTYPE html>", out:sub(1, 15))
    assert.truthy(out:find("</html>\n$"))
  end)
  it("wants --out-dir for several documents, then writes one page each", function()
    local _, code = annot("html " .. sh(tmpdir .. "/corpus"))
    assert.equal(2, code)
    local dir = tmpdir .. "/out/html"
    os.execute("mkdir -p " .. sh(dir))
    local _, code2 = annot("html --out-dir " .. sh(dir) .. " " .. sh(tmpdir .. "/corpus"))
    assert.equal(0, code2)
    for _, name in ipairs({ "a.html", "b.html", "sub_c.html" }) do
      assert.truthy(slurp(dir .. "/" .. name), name)
    end
  end)
  it("writes brat .txt, .ann and annotation.conf into --out-dir", function()
    local dir = tmpdir .. "/out/brat"
    os.execute("mkdir -p " .. sh(dir))
    local _, code = annot("brat --out-dir " .. sh(dir) .. " " .. sh(tmpdir .. "/kyiv.txt"))
    assert.equal(0, code)
    assert.equal(KYIV, slurp(dir .. "/kyiv.txt"))
    assert.truthy(slurp(dir .. "/kyiv.ann"))
    assert.truthy(slurp(dir .. "/annotation.conf"):find("[entities]", 1, true))
  end)
  it("writes CoNLL columns with a blank line after each sentence", function()
    local out, code = annot("conll -", GENEVA)
    assert.equal(0, code)
    local doc = require("annot").annotate(GENEVA)
    local blanks, rows = 0, 0
    for _, l in ipairs(lines(out)) do
      if l == "" then blanks = blanks + 1
      else
        rows = rows + 1
        assert.truthy(l:find("^[^\t]+\t[BIO][-%u]*$"), l)
      end
    end
    assert.equal(#doc, rows)
    assert.equal(math.max(1, doc:counts().sentences), blanks)
  end)
  it("writes CSV with a header row and CRLF line ends", function()
    local out, code = annot("csv --table quotes -", KYIV)
    assert.equal(0, code)
    assert.equal("doc,first,last,kind,speaker,canonical,anonymous,cue,text\r\n",
                 out:match("^[^\n]*\n"))
  end)
end)

describe("annot run", function()
  it("gives the script docs(), annot and its inputs", function()
    local script = put("count.lua", [[
      local n = 0
      for name, doc in docs() do
        n = n + 1
        print(name, #doc.text, type(annot.annotate))
      end
      print("inputs", #inputs, select("#", ...))
      return n == 2 and 0 or 5
    ]])
    local a, b = tmpdir .. "/kyiv.txt", tmpdir .. "/geneva.txt"
    local out, code = annot("run " .. sh(script) .. " " .. sh(a) .. " " .. sh(b))
    assert.equal(0, code)
    assert.same({ a .. "\t" .. #KYIV .. "\tfunction", b .. "\t" .. #GENEVA .. "\tfunction",
                  "inputs\t2\t2" }, lines(out))
  end)
  it("exits with the script's number, or 1 when it fails", function()
    local three = put("three.lua", "return 3")
    local _, code = annot("run " .. sh(three))
    assert.equal(3, code)
    local bad = put("bad.lua", "error('no luck')")
    local _, code2, err = annot("run " .. sh(bad))
    assert.equal(1, code2)
    assert.truthy(err:find("no luck", 1, true))
  end)
end)

describe("annot.json", function()
  it("decodes objects, arrays, strings with escapes and numbers", function()
    local v = json.decode('{"a": [1, -2.5, true, false, null], "s": "K\\u0079iv \\"x\\"\\n\\ud83c\\uddfa\\ud83c\\udde6"}')
    assert.same({ 1, -2.5, true, false, json.null }, v.a)
    assert.equal(math.type(v.a[1]), "integer")
    assert.equal('Kyiv "x"\n🇺🇦', v.s)
  end)
  it("raises with the byte offset on bad JSON", function()
    local cases = { '{"a": }', '[1, 2', '{"a" 1}', '"\\q"', '01x', '{"a": 1} 2', "" }
    for _, s in ipairs(cases) do
      local v, msg = json.try_decode(s)
      assert.is_nil(v)
      assert.truthy(msg:find("at byte %d+"), s)
    end
  end)
  it("encodes round trip, keys sorted, empty arrays kept", function()
    local s = '{"b":[],"a":{"x":"Ukraine’s \\u0001"},"c":[1,2.5]}'
    assert.equal('{"a":{"x":"Ukraine’s \\u0001"},"b":[],"c":[1,2.5]}', json.encode(json.decode(s)))
  end)
  it("writes invalid UTF-8 bytes as U+FFFD", function()
    assert.equal('"a\u{FFFD}b"', json.quote("a\255b"))
  end)
  it("refuses deep nesting", function()
    assert.is_nil(json.try_decode(string.rep("[", 500)))
  end)
end)
