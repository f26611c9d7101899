-- spec/06-numbers_spec.lua: numbers, dates and times (csrc/numbers.c):
-- DATE, TIME, CARDINAL, QUANTITY, MONEY, PERCENT, ORDINAL, with their
-- spans (articles out, approximators in).  Sentences written for this spec.

require "spec.support"
local annot = require "annot"

-- the mentions of 'text' as a list
local function mentions(text)
  local list = {}
  for m in annot.annotate(text):entities() do list[#list + 1] = m end
  return list
end

-- one 'it' per row: {sentence, mention text, type}
local function rows(list)
  for _, r in ipairs(list) do
    local sentence, text, ty = r[1], r[2], r[3]
    it(ty .. " '" .. text .. "' in: " .. sentence, function()
      local found = mentions(sentence)
      assert.has_span(found, {text = text, type = ty})
      -- a number or a date never keeps its canonical name
      for _, m in ipairs(found) do
        if m.text == text then assert.is_nil(m.canonical) end
      end
    end)
  end
end

-- one 'it' per row: {sentence, text that must not be a mention of this type}
local function absent(list)
  for _, r in ipairs(list) do
    local sentence, text, ty = r[1], r[2], r[3]
    it("no " .. ty .. " '" .. text .. "' in: " .. sentence, function()
      for _, m in ipairs(mentions(sentence)) do
        assert.is_false(m.text == text and m.type == ty, tostring(m))
      end
    end)
  end
end

describe("dates", function()
  rows{
    {"The envoys will meet again on Friday in Vienna.", "Friday", "DATE"},
    {"Shelling resumed on Tuesday morning near the river.", "Tuesday morning", "DATE"},
    {"Sirens sounded across the capital on Sunday night.", "Sunday night", "DATE"},
    {"Grain exports fell sharply last week, traders said.", "last week", "DATE"},
    {"Prices have doubled over the past several months.", "past several months", "DATE"},
    {"Talks stalled over the last couple of weeks.", "last couple of weeks", "DATE"},
    {"The ceasefire held for a week before collapsing.", "a week", "DATE"},
    {"The pipeline carries gas to Europe each year.", "each year", "DATE"},
    {"The agreement was signed on Jan. 21, 2022, in Minsk.", "Jan. 21, 2022", "DATE"},
    {"Troops massed on the border in February 2022.", "February 2022", "DATE"},
    {"KYIV, Dec 5 (Reuters) - Shelling resumed overnight.", "Dec 5", "DATE"},
    {"Crimea was annexed in 2014, and sanctions followed.", "2014", "DATE"},
    {"The treaty dates from the 1990s.", "1990s", "DATE"},
    {"The convoy left three days ago.", "three days ago", "DATE"},
    {"Officials expect a decision earlier this week.", "earlier this week", "DATE"},
    {"Growth slowed in the first quarter of 2023.", "first quarter of 2023", "DATE"},
    {"The invasion began on the 24th of February.", "24th of February", "DATE"},
    {"The vote is expected tomorrow, the speaker said.", "tomorrow", "DATE"},
    {"Talks resume in March, diplomats said.", "March", "DATE"},
    {"A 30-day truce began at dawn.", "30-day", "DATE"},
    {"The grid should be repaired by the end of the year.", "end of the year", "DATE"},
    {"Rationing may last until the beginning of March.", "beginning of March", "DATE"},
    {"The wells could run dry in a few weeks, engineers said.", "a few weeks", "DATE"},
  }
  absent{
    {"Russia may respond, a spokesman warned.", "may", "DATE"},
    {"Officials said 2000 soldiers had crossed.", "2000", "DATE"},
    {"Theresa May spoke to reporters.", "May", "DATE"},
    {"Jan Kowalski spoke to reporters.", "Jan", "DATE"},
    {"The last convoy left at noon.", "last", "DATE"},
    {"Officials fear the war could last years.", "last years", "DATE"},
    {"Talks start next week in Geneva.", "start next week", "DATE"},
    {"The deal ends a months-long dispute over tariffs.", "a months", "DATE"},
    {"It was a years-old grievance between the two ports.", "a years", "DATE"},
  }
end)

describe("times", function()
  rows{
    {"The briefing starts at 10:30 a.m. in the press room.", "10:30 a.m.", "TIME"},
    {"Sirens sounded at 9 p.m. local time.", "9 p.m.", "TIME"},
    {"Lavrov spoke with Blinken for 30 minutes.", "30 minutes", "TIME"},
    {"The minister said this morning that talks would go on.", "this morning", "TIME"},
    {"Air raid alerts lasted two hours.", "two hours", "TIME"},
    {"He will address the nation tonight.", "tonight", "TIME"},
  }
end)

describe("cardinals", function()
  rows{
    {"Russia has massed some 100,000 troops near the border.", "some 100,000", "CARDINAL"},
    {"Tens of thousands fled west. Officials said tens of thousands of people left.", "tens of thousands", "CARDINAL"},
    {"Estimates ranged from 8,000-10,000 fighters.", "8,000-10,000", "CARDINAL"},
    {"More than 5,000 people attended the rally.", "More than 5,000", "CARDINAL"},
    {"The ministers held three rounds of talks.", "three", "CARDINAL"},
    {"The agency counted 2.5 million refugees.", "2.5 million", "CARDINAL"},
    {"Only one of the ships reached port.", "one", "CARDINAL"},
  }
  absent{
    {"No one expected the talks to fail.", "one", "CARDINAL"},
    {"The allies supported one another.", "one", "CARDINAL"},
    {"Berlin will send 14 Leopard 2 tanks.", "2", "CARDINAL"},
  }
end)

describe("quantities, money and percentages", function()
  rows{
    {"The pipeline can pump billions of cubic meters of gas.", "billions of cubic meters", "QUANTITY"},
    {"The front line moved about 50 km east.", "about 50 km", "QUANTITY"},
    {"The convoy stretched for 40 miles.", "40 miles", "QUANTITY"},
    {"Washington pledged $1.2bn in aid.", "$1.2bn", "MONEY"},
    {"The package is worth $1 billion.", "$1 billion", "MONEY"},
    {"Brussels approved €500 million for the grid.", "€500 million", "MONEY"},
    {"The fund holds 1 billion euros in reserves.", "1 billion euros", "MONEY"},
    {"Russia's losses run to billions of dollars.", "billions of dollars", "MONEY"},
    {"Inflation rose 5% in January.", "5%", "PERCENT"},
    {"The ruble fell 12 percent against the dollar.", "12 percent", "PERCENT"},
    {"Output dropped 3.5 per cent last year.", "3.5 per cent", "PERCENT"},
  }
end)

describe("ordinals", function()
  rows{
    {"It was the second round of talks this year.", "second", "ORDINAL"},
    {"The 3rd Army Corps moved north.", "3rd", "ORDINAL"},
    {"The official declined to say who first proposed the meeting.", "first", "ORDINAL"},
  }
end)

describe("periods and ordinals (round two)", function()
  local function first(text, want)
    local doc = annot.annotate(text)
    for m in doc:entities() do
      if m.text == want.text then
        assert.equal(want.type, m.type, "type of '" .. want.text .. "'")
        return
      end
    end
    error("no mention '" .. want.text .. "' in: " .. text)
  end

  it("makes 24 hours or more a DATE, fewer a TIME", function()
    first("The siege lasted 36 hours.", {text = "36 hours", type = "DATE"})
    first("Shifts of 48-hour duty wore them out.", {text = "48-hour", type = "DATE"})
    first("The meeting lasted 3 hours.", {text = "3 hours", type = "TIME"})
  end)

  it("reads 'a second' before a noun as the ordinal", function()
    first("In a second statement, the ministry denied it.", {text = "second", type = "ORDINAL"})
    first("He paused for a second and left.", {text = "a second", type = "TIME"})
  end)

  it("tags a bare plural period after 'for' as a DATE", function()
    first("Residents waited for months without power.", {text = "months", type = "DATE"})
  end)

  it("leaves a compound period after 'for' alone", function()
    local doc = annot.annotate("They pushed for months-long talks.")
    for m in doc:entities() do
      assert.is_false(m.text == "months", "unexpected " .. tostring(m))
    end
  end)
end)
