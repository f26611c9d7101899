-- spec/21-quote_accuracy_spec.lua: the quote stage against the shared
-- gold articles (../shared/corpus), scored by ../shared/tools/score.py.
-- Skips (pending) when the corpus, the scorer or python3 is absent.
-- Targets: quote span F1 >= 0.97 (direct, partial, scare; exact marks),
-- kind accuracy >= 0.90, speaker accuracy >= 0.95 on direct and partial
-- quotes, indirect-speech recall >= 0.70.

local support = require "spec.support"

describe("quote accuracy on the shared corpus", function()
  local dir = support.corpus_dir()
  if not dir or not support.scorer_ready() then
    pending("no ../shared/corpus, scorer or python3")
    return
  end

  local figures, err
  setup(function() figures, err = support.score(dir) end)

  it("finds quote spans (F1 >= 0.97)", function()
    assert(figures, err)
    assert.is_true(figures.quote_detect.f1 >= 0.97,
                   "quote span F1 " .. figures.quote_detect.f1)
  end)

  it("tells kinds apart (accuracy >= 0.90)", function()
    assert(figures, err)
    assert.is_true(figures.quote_kind_acc >= 0.90,
                   "kind accuracy " .. figures.quote_kind_acc)
  end)

  it("finds who said direct and partial quotes (>= 0.95)", function()
    assert(figures, err)
    assert.is_true(figures.attribution_acc >= 0.95,
                   "speaker accuracy " .. figures.attribution_acc)
  end)

  it("finds indirect speech (recall >= 0.70)", function()
    assert(figures, err)
    assert.is_true(figures.indirect.r >= 0.70, "indirect recall " .. figures.indirect.r)
  end)
end)
