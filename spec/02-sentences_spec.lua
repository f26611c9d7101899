-- 02-sentences_spec.lua: sentence and paragraph boundaries, through
-- doc:sentences() and doc:paragraphs().  The English "Golden Rules" of
-- sentence boundary detection (published with the pragmatic_segmenter and
-- pySBD projects) are data rows (a rule the scanner did not pass would be
-- marked pending, with the reason; all 52 pass).  News cases of our own
-- follow.

local annot = require "annot"

-- the sentence texts of 'text', in order
local function sentences(text)
  local out = {}
  for s in annot.annotate(text):sentences() do out[#out + 1] = s.text end
  return out
end

-- the paragraph texts of 'text', in order
local function paragraphs(text)
  local out = {}
  for p in annot.annotate(text):paragraphs() do out[#out + 1] = p.text end
  return out
end

-- {number, name, text, expected sentences [, pending = reason]}
local golden_rules = {
  {1, "Simple period to end sentence",
   "Hello World. My name is Jonas.",
   {"Hello World.", "My name is Jonas."}},
  {2, "Question mark to end sentence",
   "What is your name? My name is Jonas.",
   {"What is your name?", "My name is Jonas."}},
  {3, "Exclamation point to end sentence",
   "There it is! I found it.",
   {"There it is!", "I found it."}},
  {4, "One letter upper case abbreviations",
   "My name is Jonas E. Smith.",
   {"My name is Jonas E. Smith."}},
  {5, "One letter lower case abbreviations",
   "Please turn to p. 55.",
   {"Please turn to p. 55."}},
  {6, "Two letter lower case abbreviations in the middle of a sentence",
   "Were Jane and co. at the party?",
   {"Were Jane and co. at the party?"}},
  {7, "Two letter upper case abbreviations in the middle of a sentence",
   "They closed the deal with Pitt, Briggs & Co. at noon.",
   {"They closed the deal with Pitt, Briggs & Co. at noon."}},
  {8, "Two letter lower case abbreviations at the end of a sentence",
   "Let's ask Jane and co. They should know.",
   {"Let's ask Jane and co.", "They should know."}},
  {9, "Two letter upper case abbreviations at the end of a sentence",
   "They closed the deal with Pitt, Briggs & Co. It closed yesterday.",
   {"They closed the deal with Pitt, Briggs & Co.", "It closed yesterday."}},
  {10, "Two letter (prepositive) abbreviations in a sentence",
   "I can see Mt. Fuji from here.",
   {"I can see Mt. Fuji from here."}},
  {11, "Two letter (prepositive & postpositive) abbreviations in a sentence",
   "St. Michael's Church is on 5th st. near the light.",
   {"St. Michael's Church is on 5th st. near the light."}},
  {12, "Possesive two letter abbreviations in a sentence",
   "That is JFK Jr.'s book.",
   {"That is JFK Jr.'s book."}},
  {13, "Multi-period abbreviations in the middle of a sentence",
   "I visited the U.S.A. last year.",
   {"I visited the U.S.A. last year."}},
  {14, "Multi-period abbreviations at the end of a sentence",
   "I live in the E.U. How about you?",
   {"I live in the E.U.", "How about you?"}},
  {15, "U.S. as sentence boundary",
   "I live in the U.S. How about you?",
   {"I live in the U.S.", "How about you?"}},
  {16, "U.S. as non sentence boundary with next word capitalized",
   "I work for the U.S. Government in Virginia.",
   {"I work for the U.S. Government in Virginia."}},
  {17, "U.S. as non sentence boundary",
   "I have lived in the U.S. for 20 years.",
   {"I have lived in the U.S. for 20 years."}},
  {18, "A.M. / P.M. as non sentence boundary and sentence boundary",
   "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.",
   {"At 5 a.m. Mr. Smith went to the bank.", "He left the bank at 6 P.M.", "Mr. Smith then went to the store."}},
  {19, "Number as non sentence boundary",
   "She has $100.00 in her bag.",
   {"She has $100.00 in her bag."}},
  {20, "Number as sentence boundary",
   "She has $100.00. It is in her bag.",
   {"She has $100.00.", "It is in her bag."}},
  {21, "Parenthetical inside sentence",
   "He teaches science (He previously worked for 5 years as an engineer.) at the local University.",
   {"He teaches science (He previously worked for 5 years as an engineer.) at the local University."}},
  {22, "Email addresses",
   "Her email is Jane.Doe@example.com. I sent her an email.",
   {"Her email is Jane.Doe@example.com.", "I sent her an email."}},
  {23, "Web addresses",
   "The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out.",
   {"The site is: https://www.example.50.com/new-site/awesome_content.html.", "Please check it out."}},
  {24, "Single quotations inside sentence",
   "She turned to him, 'This is great.' she said.",
   {"She turned to him, 'This is great.' she said."}},
  {25, "Double quotations inside sentence",
   "She turned to him, \"This is great.\" she said.",
   {"She turned to him, \"This is great.\" she said."}},
  {26, "Double quotations at the end of a sentence",
   "She turned to him, \"This is great.\" She held the book out to show him.",
   {"She turned to him, \"This is great.\"", "She held the book out to show him."}},
  {27, "Double punctuation (exclamation point)",
   "Hello!! Long time no see.",
   {"Hello!!", "Long time no see."}},
  {28, "Double punctuation (question mark)",
   "Hello?? Who is there?",
   {"Hello??", "Who is there?"}},
  {29, "Double punctuation (exclamation point / question mark)",
   "Hello!? Is that you?",
   {"Hello!?", "Is that you?"}},
  {30, "Double punctuation (question mark / exclamation point)",
   "Hello?! Is that you?",
   {"Hello?!", "Is that you?"}},
  {31, "List (period followed by parens and no period to end item)",
   "1.) The first item 2.) The second item",
   {"1.) The first item", "2.) The second item"}},
  {32, "List (period followed by parens and period to end item)",
   "1.) The first item. 2.) The second item.",
   {"1.) The first item.", "2.) The second item."}},
  {33, "List (parens and no period to end item)",
   "1) The first item 2) The second item",
   {"1) The first item", "2) The second item"}},
  {34, "List (parens and period to end item)",
   "1) The first item. 2) The second item.",
   {"1) The first item.", "2) The second item."}},
  {35, "List (period to mark list and no period to end item)",
   "1. The first item 2. The second item",
   {"1. The first item", "2. The second item"}},
  {36, "List (period to mark list and period to end item)",
   "1. The first item. 2. The second item.",
   {"1. The first item.", "2. The second item."}},
  {37, "List with bullet",
   "• 9. The first item • 10. The second item",
   {"• 9. The first item", "• 10. The second item"}},
  {38, "List with hypthen",
   "⁃9. The first item ⁃10. The second item",
   {"⁃9. The first item", "⁃10. The second item"}},
  {39, "Alphabetical list",
   "a. The first item b. The second item c. The third list item",
   {"a. The first item", "b. The second item", "c. The third list item"}},
  {40, "Errant newlines in the middle of sentences (PDF)",
   "This is a sentence\ncut off in the middle because pdf.",
   {"This is a sentence\ncut off in the middle because pdf."}},
  {41, "Errant newlines in the middle of sentences",
   "It was a cold \nnight in the city.",
   {"It was a cold \nnight in the city."}},
  {42, "Lower case letters at the start of sentence",
   "features\ncontact manager\nevents, activities\n",
   {"features", "contact manager", "events, activities"}},
  {43, "Geo Coordinates",
   "You can find it at N°. 1026.253.553. That is where the treasure is.",
   {"You can find it at N°. 1026.253.553.", "That is where the treasure is."}},
  {44, "Named entities with an exclamation point",
   "She works at Yahoo! in the accounting department.",
   {"She works at Yahoo! in the accounting department."}},
  {45, "I as a sentence boundary and I as an abbreviation",
   "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
   {"We make a good team, you and I.", "Did you see Albert I. Jones yesterday?"}},
  {46, "Ellipsis at end of quotation",
   "Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”",
   {"Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”"}},
  {47, "Ellipsis with square brackets",
   "\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55).",
   {"\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55)."}},
  {48, "Ellipsis as sentence boundary (standard ellipsis rules)",
   "If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . . Next sentence.",
   {"If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . .", "Next sentence."}},
  {49, "Ellipsis as sentence boundary (non-standard ellipsis rules)",
   "I never meant that.... She left the store.",
   {"I never meant that....", "She left the store."}},
  {50, "Ellipsis as non sentence boundary",
   "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it.",
   {"I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it."}},
  {51, "4-dot ellipsis",
   "One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds. . . . The practice was not abandoned. . . .",
   {"One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds.", ". . . The practice was not abandoned. . . ."}},
  {52, "No whitespace in between sentences",
   "Hello world.Today is Tuesday.Mr. Smith went to the store and bought 1,000.That is a lot.",
   {"Hello world.", "Today is Tuesday.", "Mr. Smith went to the store and bought 1,000.", "That is a lot."}},
}

describe("the golden rules", function()
  for _, rule in ipairs(golden_rules) do
    local name = ("%d) %s"):format(rule[1], rule[2])
    if rule.pending then
      pending(name .. ": " .. rule.pending)
    else
      it(name, function()
        assert.are.same(rule[4], sentences(rule[3]))
      end)
    end
  end
end)

-- news prose of our own
local news = {
  {"titles never end a sentence",
   "Mr. Blinken met Mr. Lavrov. Gen. Milley was not there.",
   {"Mr. Blinken met Mr. Lavrov.", "Gen. Milley was not there."}},
  {"U.S. ends a sentence before a sentence opener",
   "The troops came from the U.S. They landed in Poland.",
   {"The troops came from the U.S.", "They landed in Poland."}},
  {"U.S. before a name goes on",
   "The U.S. Embassy in Kyiv told U.S. citizens to leave.",
   {"The U.S. Embassy in Kyiv told U.S. citizens to leave."}},
  {"a closing quote belongs to the sentence it closes",
   "“The risk of conflict is real.” Diplomats agreed.",
   {"“The risk of conflict is real.”", "Diplomats agreed."}},
  {"a quote with its attribution after a comma is one sentence",
   "“We are ready,” the minister said. Talks resume Friday.",
   {"“We are ready,” the minister said.", "Talks resume Friday."}},
  {"a quoted question followed by its speaker is one sentence",
   "“Why would we invade?” Foreign Minister Sergei Lavrov asked. Nobody answered.",
   {"“Why would we invade?” Foreign Minister Sergei Lavrov asked.", "Nobody answered."}},
  {"a dateline is no boundary",
   "KYIV, Ukraine — Sirens sounded at dawn. Residents took shelter.",
   {"KYIV, Ukraine — Sirens sounded at dawn.", "Residents took shelter."}},
  {"initials inside names go on",
   "President John F. Kennedy faced a similar crisis in 1962.",
   {"President John F. Kennedy faced a similar crisis in 1962."}},
  {"times of day end a sentence before a new clause",
   "The talks ended at 6 p.m. The delegations left. At 9 a.m. Mr. Lavrov flew home.",
   {"The talks ended at 6 p.m.", "The delegations left.", "At 9 a.m. Mr. Lavrov flew home."}},
  {"a time before a day goes on",
   "Officials will meet at 10 a.m. Friday in Geneva.",
   {"Officials will meet at 10 a.m. Friday in Geneva."}},
  {"a headline and a byline are sentences of their own",
   "Russia Moves More Troops Toward Ukraine\nBy Jane Doe\nMoscow sent more forces on Tuesday.",
   {"Russia Moves More Troops Toward Ukraine", "By Jane Doe", "Moscow sent more forces on Tuesday."}},
  {"a dateline block is a line of its own",
   "Washington, D.C.\nFebruary 15, 2022\nThe briefing began late.",
   {"Washington, D.C.", "February 15, 2022", "The briefing began late."}},
  {"very short lines in lower case are items of a list",
   "filed under\nwar in ukraine\nsanctions\nenergy",
   {"filed under", "war in ukraine", "sanctions", "energy"}},
  {"wrapped prose lines stay together",
   "The envoys spoke for several hours in a hotel by the lake while\nWestern officials waited for word of any progress in the talks.",
   {"The envoys spoke for several hours in a hotel by the lake while\nWestern officials waited for word of any progress in the talks."}},
  {"a numbered list is a sentence per item",
   "The demands were:\n1. No NATO expansion\n2. No missiles near Russia",
   {"The demands were:", "1. No NATO expansion", "2. No missiles near Russia"}},
  {"a vote count is no list",
   "The resolution passed 11 to 1. Three members abstained.",
   {"The resolution passed 11 to 1.", "Three members abstained."}},
  {"an ellipsis before lower case does not end a sentence",
   "He paused … and then he went on.",
   {"He paused … and then he went on."}},
  {"an ellipsis before a name does not end a sentence",
   "“We will not let … Ukraine fall,” she said.",
   {"“We will not let … Ukraine fall,” she said."}},
  {"an ellipsis before a sentence opener ends one",
   "The talks dragged on... Then the delegations left.",
   {"The talks dragged on...", "Then the delegations left."}},
}

describe("sentences in news prose", function()
  for _, case in ipairs(news) do
    it(case[1], function()
      assert.are.same(case[3], sentences(case[2]))
    end)
  end
end)

describe("paragraphs", function()
  it("end at a blank line", function()
    assert.are.same({"First one.", "Second one. Still second."},
                    paragraphs("First one.\n\nSecond one. Still second.\n"))
  end)

  it("take a line of spaces as blank, and CRLF line ends", function()
    assert.are.same({"One.", "Two."}, paragraphs("One.\r\n  \t\r\nTwo."))
  end)

  it("keep a single line break inside", function()
    assert.are.same({"One\nand two."}, paragraphs("One\nand two."))
  end)

  it("are never crossed by a sentence", function()
    local doc = annot.annotate("A sentence without a stop\n\nanother one here.")
    assert.are.same({"A sentence without a stop", "another one here."},
                    sentences("A sentence without a stop\n\nanother one here."))
    assert.are.equal(2, doc:counts().paragraphs)
  end)

  it("span from their first token to their last", function()
    local text = "  \n Opening words.  \n\n  Closing words.  "
    local doc = annot.annotate(text)
    local p = doc:paragraph(1)
    assert.are.equal("Opening words.", text:sub(p.first, p.last))
    assert.are.equal(1, p.first_token)
    assert.are.equal(3, p.last_token)
  end)
end)

describe("sentence spans", function()
  it("give token ranges that tile the doc", function()
    local doc = annot.annotate("One. Two three. Four!\n\nFive?")
    local next_token = 1
    for s in doc:sentences() do
      assert.are.equal(next_token, s.first_token)
      next_token = s.last_token + 1
    end
    assert.are.equal(#doc + 1, next_token)
  end)
end)

-- The sentence pass looks at the tokens in blocks of 64: a boundary must
-- fall in the same place whichever token of a block it lands on.
describe("long texts", function()
  it("find the same boundaries at every position", function()
    local ending = "Mr. Smith left. Troops left the U.S. The talks went on.\n"
      .. "1. First item\n2) Second item\nHeadline Words Here\nThe end."
    local want = {"Mr. Smith left.", "Troops left the U.S.",
                  "The talks went on.", "1. First item", "2) Second item",
                  "Headline Words Here", "The end."}
    for pad = 1, 140 do
      local got = sentences(("go "):rep(pad - 1) .. "go. " .. ending)
      assert.are.equal(("go "):rep(pad - 1) .. "go.", table.remove(got, 1))
      assert.are.same(want, got)
    end
  end)
end)
