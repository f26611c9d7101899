-- annot: annotate English news text (tokens, sentences, entities, quotes).
--
-- The module table over the C core 'annot.core'.  The core gives the
-- functions and types; this file adds the doc methods that are simpler in
-- Lua (entity_groups, speakers) and exposes the toolkit modules (corpus,
-- analysis, export, ...) lazily, so that a missing one does not break
-- 'require "annot"'.

local core = require "annot.core"

local ipairs, require, rawset, setmetatable = ipairs, require, rawset, setmetatable
local pcall, error, package, type = pcall, error, package, type
local sort = table.sort

_ENV = nil

local annot = {
  _VERSION = "annot " .. core.version,
  annotate = core.annotate,
  pipeline = core.pipeline,
  annotate_many = core.annotate_many,
  to_json_many = core.to_json_many,
  types = core.types,
}

local doc_methods = core.doc_methods

-- doc:entity_groups(): one entry per entity of the doc, in order of
-- first mention: {id, canonical, type, mentions = {mention...}}.
function doc_methods.entity_groups(doc)
  local groups, by_id = {}, {}
  for m in doc:entities() do
    local id = m.id
    if id then
      local g = by_id[id]
      if not g then
        g = {id = id, canonical = m.canonical, type = m.type, mentions = {}}
        by_id[id] = g
        groups[#groups + 1] = g
      end
      g.mentions[#g.mentions + 1] = m
    end
  end
  return groups
end

-- doc:speakers(): who is quoted, most quoted first:
-- {speaker, canonical, count, kinds = {direct = n, ...}, cues = {said = n}}.
-- Speakers are told apart by canonical name, else by their text.
function doc_methods.speakers(doc)
  local list, by_key = {}, {}
  for q in doc:quotes() do
    local s = q.speaker
    if s then
      local key = s.canonical or s.text
      local e = by_key[key]
      if not e then
        e = {speaker = key, canonical = s.canonical,
             count = 0, kinds = {}, cues = {}, order = #list + 1}
        by_key[key] = e
        list[#list + 1] = e
      end
      e.count = e.count + 1
      e.kinds[q.kind] = (e.kinds[q.kind] or 0) + 1
      local cue = q.cue
      if cue then e.cues[cue.text] = (e.cues[cue.text] or 0) + 1 end
    end
  end
  -- most quoted first; ties keep the order of first quote
  sort(list, function(a, b)
    if a.count ~= b.count then return a.count > b.count end
    return a.order < b.order
  end)
  for _, e in ipairs(list) do e.order = nil end
  return list
end

-- the toolkit modules, loaded on first use: annot.corpus is the module
-- 'annot.corpus' (a function or a table, as its owner made it)
local lazy = {
  corpus = "annot.corpus", analysis = "annot.analysis",
  tabular = "annot.tabular", export = "annot.export", html = "annot.html",
  cli = "annot.cli", json = "annot.json",
}

-- A table whose fields are the modules 'prefix.<field>', loaded on first
-- use: annot.export.brat is 'annot.export.brat' when there is no
-- 'annot.export' module of its own.
local function lazy_family(prefix)
  return setmetatable({}, {
    __index = function(t, name)
      if type(name) ~= "string" then return nil end
      local modname = prefix .. "." .. name
      -- no such file: nil; a module that fails to load: its error
      if package.searchpath(modname, package.path) == nil then return nil end
      local mod = require(modname)
      rawset(t, name, mod)
      return mod
    end,
  })
end

setmetatable(annot, {
  __index = function(t, name)
    local modname = lazy[name]
    if modname == nil then return nil end
    local ok, mod = pcall(require, modname)
    if not ok then
      -- a family of modules (lua/annot/export/*.lua) without an init.lua
      if package.searchpath(modname, package.path) == nil then
        mod = lazy_family(modname)
      else
        error("annot." .. name .. " failed to load: " .. mod, 2)
      end
    end
    rawset(t, name, mod)
    return mod
  end,
})

return annot
