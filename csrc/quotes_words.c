/*
** quotes_words.c: the few hundred English words the quote rules read
** (articles, auxiliaries, prepositions, pronouns, naming verbs, source
** modifiers, transcript labels), their classes, and the lookup that
** gives each token of a doc its rule word.  Data more than code: the
** rules themselves are in quotes_frames.c, quotes_attr.c and
** quotes_marks.c.
**
** A token is looked up by the scanner's hash of its normalised form (the
** same hash the lexicon uses), in a small open-addressing table filled
** once per process, so no string is compared: a hash and a length decide.
*/
#include <pthread.h>
#include <string.h>

#include "quotes.h"

/* {======================================================
** Words the rules use
** ======================================================= */

/* spelled as the normalised form (lower case), in enum qword order */
static const char *const qword_text[NWORDS] = {
  "that", "but", "and", "while", "yet", "as", "has", "have", "had",
  "also", "again", "later", "then", "reportedly", "recently",
  "previously", "repeatedly", "publicly", "earlier", "once", "now",
  "already", "separately", "further", "is", "are", "was", "were",
  "be", "been", "will", "would", "could", "might", "may", "shall",
  "should", "must", "can", "cannot", "to", "not", "n't", "never",
  "he", "she", "they", "i", "we", "you", "it",
  "the", "a", "an", "this", "these", "those", "one", "two", "three",
  "four", "several", "some", "many", "other", "another", "his", "her",
  "its", "their", "our", "both",
  "in", "on", "at", "during", "after", "before", "with", "via", "from",
  "for", "of", "by", "about", "over", "through", "under", "into",
  "despite", "amid", "although", "though", "because", "since",
  "unless", "following", "ahead", "when", "where", "who",
  "any", "no", "all", "every", "each", "there", "such", "most",
  "do", "does", "did", "what", "well",
  "called", "dubbed", "named", "termed", "labeled", "labelled",
  "known", "term", "word", "words", "phrase", "slogan", "so",
  "codenamed", "branded", "titled", "entitled", "nicknamed",
  "only", "reporters", "journalists", "lawmakers", "legislators",
  "him", "them", "us", "me", "last", "early",
  "senior", "top", "high", "ranking", "former", "current", "western",
  "eastern", "military", "defense", "defence", "intelligence",
  "administration", "government", "foreign", "security", "diplomatic",
  "unnamed", "anonymous", "local", "regional", "ministry", "state",
  "department", "press", "presidential", "european", "american",
  "russian", "ukrainian", "chief", "deputy", "house", "white",
  "question", "q", "moderator", "operator", "interpreter", "participant",
  "reporter", "audience", "member", "office", "camp", "close", "familiar",
  "side", "authorities", "leadership",
  "charge", "charges", "claim", "claims", "report", "reports",
  "suggestion", "suggestions", "idea", "notion", "rumours", "rumors",
  "speculation", "assertion", "assertions", "criticism", "demand",
  "demands", "request", "ultimatum", "account", "version", "characterization"
};

/* the classes of each rule word, by enum qword (designated initialisers:
** the others are 0) */
const uint16_t q_word_class[256] = {
  /* determiners, colon intros */
  [W_THE] = WC_DET | WC_INTRO, [W_A] = WC_DET | WC_INTRO,
  [W_AN] = WC_DET | WC_INTRO, [W_THIS] = WC_DET | WC_INTRO,
  [W_HIS] = WC_DET | WC_INTRO, [W_ITS] = WC_DET | WC_INTRO,
  [W_THEIR] = WC_DET | WC_INTRO, [W_OUR] = WC_DET | WC_INTRO,
  /* determiners */
  [W_THESE] = WC_DET, [W_THOSE] = WC_DET, [W_ONE] = WC_DET, [W_TWO] = WC_DET,
  [W_THREE] = WC_DET, [W_FOUR] = WC_DET, [W_SEVERAL] = WC_DET,
  [W_SOME] = WC_DET, [W_MANY] = WC_DET, [W_ANOTHER] = WC_DET,
  [W_BOTH] = WC_DET,
  /* determiners, colon intros, addressees */
  [W_HER] = WC_DET | WC_INTRO | WC_ADDRESSEE,
  /* source modifiers */
  [W_SENIOR] = WC_MOD, [W_TOP] = WC_MOD, [W_HIGH] = WC_MOD,
  [W_RANKING] = WC_MOD, [W_FORMER] = WC_MOD, [W_CURRENT] = WC_MOD,
  [W_WESTERN] = WC_MOD, [W_EASTERN] = WC_MOD, [W_MILITARY] = WC_MOD,
  [W_DEFENSE] = WC_MOD, [W_DEFENCE] = WC_MOD, [W_INTELLIGENCE] = WC_MOD,
  [W_FOREIGN] = WC_MOD, [W_SECURITY] = WC_MOD, [W_DIPLOMATIC] = WC_MOD,
  [W_UNNAMED] = WC_MOD, [W_ANONYMOUS] = WC_MOD, [W_LOCAL] = WC_MOD,
  [W_REGIONAL] = WC_MOD, [W_STATE] = WC_MOD, [W_DEPARTMENT] = WC_MOD,
  [W_PRESS] = WC_MOD, [W_PRESIDENTIAL] = WC_MOD, [W_EUROPEAN] = WC_MOD,
  [W_AMERICAN] = WC_MOD, [W_RUSSIAN] = WC_MOD, [W_UKRAINIAN] = WC_MOD,
  [W_CHIEF] = WC_MOD, [W_DEPUTY] = WC_MOD, [W_OTHER] = WC_MOD,
  [W_HOUSE] = WC_MOD, [W_WHITE] = WC_MOD,
  /* source modifiers, group nouns */
  [W_ADMINISTRATION] = WC_MOD | WC_GROUP, [W_GOVERNMENT] = WC_MOD | WC_GROUP,
  [W_MINISTRY] = WC_MOD | WC_GROUP,
  /* auxiliaries and adverbs, finite verbs */
  [W_HAS] = WC_AUX | WC_FINITE, [W_HAVE] = WC_AUX | WC_FINITE,
  [W_HAD] = WC_AUX | WC_FINITE, [W_IS] = WC_AUX | WC_FINITE,
  [W_ARE] = WC_AUX | WC_FINITE, [W_WAS] = WC_AUX | WC_FINITE,
  [W_WERE] = WC_AUX | WC_FINITE,
  /* auxiliaries and adverbs, colon intros */
  [W_ALSO] = WC_AUX | WC_INTRO, [W_AGAIN] = WC_AUX | WC_INTRO,
  [W_LATER] = WC_AUX | WC_INTRO, [W_THEN] = WC_AUX | WC_INTRO,
  [W_EARLIER] = WC_AUX | WC_INTRO, [W_ONLY] = WC_AUX | WC_INTRO,
  /* auxiliaries and adverbs */
  [W_REPORTEDLY] = WC_AUX, [W_RECENTLY] = WC_AUX, [W_PREVIOUSLY] = WC_AUX,
  [W_REPEATEDLY] = WC_AUX, [W_PUBLICLY] = WC_AUX, [W_ONCE] = WC_AUX,
  [W_NOW] = WC_AUX, [W_ALREADY] = WC_AUX, [W_SEPARATELY] = WC_AUX,
  [W_FURTHER] = WC_AUX, [W_BEEN] = WC_AUX,
  /* negators, finite verbs */
  [W_WILL] = WC_NEG | WC_FINITE, [W_WOULD] = WC_NEG | WC_FINITE,
  [W_COULD] = WC_NEG | WC_FINITE, [W_MIGHT] = WC_NEG | WC_FINITE,
  [W_MAY] = WC_NEG | WC_FINITE, [W_SHALL] = WC_NEG | WC_FINITE,
  [W_SHOULD] = WC_NEG | WC_FINITE, [W_MUST] = WC_NEG | WC_FINITE,
  [W_CAN] = WC_NEG | WC_FINITE, [W_CANNOT] = WC_NEG | WC_FINITE,
  /* negators, prepositions, colon intros */
  [W_TO] = WC_NEG | WC_PREP | WC_INTRO,
  /* negators */
  [W_NOT] = WC_NEG, [W_NT] = WC_NEG, [W_NEVER] = WC_NEG,
  /* prepositions, colon intros */
  [W_IN] = WC_PREP | WC_INTRO, [W_ON] = WC_PREP | WC_INTRO,
  [W_AT] = WC_PREP | WC_INTRO, [W_DURING] = WC_PREP | WC_INTRO,
  [W_AFTER] = WC_PREP | WC_INTRO, [W_BEFORE] = WC_PREP | WC_INTRO,
  [W_WITH] = WC_PREP | WC_INTRO, [W_VIA] = WC_PREP | WC_INTRO,
  [W_FROM] = WC_PREP | WC_INTRO,
  /* prepositions */
  [W_FOR] = WC_PREP, [W_BY] = WC_PREP, [W_ABOUT] = WC_PREP,
  [W_OVER] = WC_PREP, [W_THROUGH] = WC_PREP, [W_UNDER] = WC_PREP,
  [W_INTO] = WC_PREP, [W_OF] = WC_PREP,
  /* subordinators */
  [W_DESPITE] = WC_SUB, [W_AMID] = WC_SUB, [W_ALTHOUGH] = WC_SUB,
  [W_THOUGH] = WC_SUB, [W_BECAUSE] = WC_SUB, [W_SINCE] = WC_SUB,
  [W_UNLESS] = WC_SUB, [W_FOLLOWING] = WC_SUB, [W_AHEAD] = WC_SUB,
  /* subordinators, conjunctions */
  [W_WHILE] = WC_SUB | WC_CONJ,
  /* finite verbs */
  [W_DO] = WC_FINITE, [W_DOES] = WC_FINITE, [W_DID] = WC_FINITE,
  /* naming words */
  [W_CALLED] = WC_NAMING, [W_DUBBED] = WC_NAMING, [W_NAMED] = WC_NAMING,
  [W_TERMED] = WC_NAMING, [W_LABELED] = WC_NAMING, [W_LABELLED] = WC_NAMING,
  [W_CODENAMED] = WC_NAMING, [W_BRANDED] = WC_NAMING, [W_TITLED] = WC_NAMING,
  [W_ENTITLED] = WC_NAMING, [W_NICKNAMED] = WC_NAMING, [W_TERM] = WC_NAMING,
  [W_WORD] = WC_NAMING, [W_WORDS] = WC_NAMING, [W_PHRASE] = WC_NAMING,
  [W_SLOGAN] = WC_NAMING,
  /* colon intros, addressees */
  [W_REPORTERS] = WC_INTRO | WC_ADDRESSEE,
  [W_JOURNALISTS] = WC_INTRO | WC_ADDRESSEE,
  [W_LAWMAKERS] = WC_INTRO | WC_ADDRESSEE,
  [W_LEGISLATORS] = WC_INTRO | WC_ADDRESSEE,
  [W_HIM] = WC_INTRO | WC_ADDRESSEE, [W_THEM] = WC_INTRO | WC_ADDRESSEE,
  [W_US] = WC_INTRO | WC_ADDRESSEE, [W_ME] = WC_INTRO | WC_ADDRESSEE,
  /* group nouns */
  [W_OFFICE] = WC_GROUP, [W_CAMP] = WC_GROUP,
  /* group nouns after a nationality: 'the Russian side', 'Ukrainian
  ** authorities', 'the Chinese leadership' */
  [W_SIDE] = WC_GROUP, [W_AUTHORITIES] = WC_GROUP, [W_LEADERSHIP] = WC_GROUP,
  /* claim nouns: what 'reject' and 'dismiss' report as speech */
  [W_CHARGE] = WC_CLAIM, [W_CHARGES] = WC_CLAIM, [W_CLAIM] = WC_CLAIM,
  [W_CLAIMS] = WC_CLAIM, [W_REPORT] = WC_CLAIM, [W_REPORTS] = WC_CLAIM,
  [W_SUGGESTION] = WC_CLAIM, [W_SUGGESTIONS] = WC_CLAIM, [W_IDEA] = WC_CLAIM,
  [W_NOTION] = WC_CLAIM, [W_RUMOURS] = WC_CLAIM, [W_RUMORS] = WC_CLAIM,
  [W_SPECULATION] = WC_CLAIM, [W_ASSERTION] = WC_CLAIM,
  [W_ASSERTIONS] = WC_CLAIM, [W_CRITICISM] = WC_CLAIM, [W_DEMAND] = WC_CLAIM,
  [W_DEMANDS] = WC_CLAIM, [W_REQUEST] = WC_CLAIM, [W_ULTIMATUM] = WC_CLAIM,
  [W_ACCOUNT] = WC_CLAIM, [W_VERSION] = WC_CLAIM,
  [W_CHARACTERIZATION] = WC_CLAIM,
  /* pronouns */
  [W_HE] = WC_PRON, [W_SHE] = WC_PRON, [W_THEY] = WC_PRON, [W_IT] = WC_PRON,
  [W_I] = WC_PRON, [W_WE] = WC_PRON,
  /* pronouns, addressees */
  [W_YOU] = WC_PRON | WC_ADDRESSEE,
  /* conjunctions */
  [W_BUT] = WC_CONJ, [W_AND] = WC_CONJ, [W_YET] = WC_CONJ,
  /* clause openers */
  [W_ANY] = WC_OPENS, [W_NO] = WC_OPENS, [W_ALL] = WC_OPENS,
  [W_EVERY] = WC_OPENS, [W_EACH] = WC_OPENS, [W_THERE] = WC_OPENS,
  [W_SUCH] = WC_OPENS, [W_MOST] = WC_OPENS,
  /* transcript labels */
  [W_QUESTION] = WC_LABEL, [W_Q] = WC_LABEL, [W_MODERATOR] = WC_LABEL,
  [W_OPERATOR] = WC_LABEL, [W_PARTICIPANT] = WC_LABEL,
  [W_REPORTER] = WC_LABEL, [W_AUDIENCE] = WC_LABEL,
  [W_INTERPRETER] = WC_LABEL, [W_MEMBER] = WC_LABEL,
};

/* the slot of the rule-word table for 'hash' (q_word_of in quotes.h
** computes the same) */
static uint32_t word_slot(uint32_t hash) {
  return (hash * 0x9E3779B1u) >> 21;   /* 11 bits: WTAB slots */
}

/* the rule-word table, the same for every doc: hashed once per process */
static uint32_t table_hash[WTAB];
static uint8_t table_slot[WTAB];
static uint8_t table_len[NWORDS];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

/* Fill the rule-word table with the scanner's hash of each word's
** normalised form, so that a token is looked up by its hash. */
static void build_table(void) {
  for (int w = 0; w < NWORDS; w++) {
    size_t n = strlen(qword_text[w]);
    uint32_t h = annot_norm_hash(qword_text[w], n);
    uint32_t s = word_slot(h);
    while (table_slot[s] != 0) s = (s + 1) & (WTAB - 1);
    table_hash[s] = h;
    table_slot[s] = (uint8_t)(w + 1);
    table_len[w] = (uint8_t)n;
  }
}

/* Point the doc's context at the rule-word table, building it on the
** first call (pthread_once: docs annotated on several threads at once
** wait for the one build). */
void q_init_words(qctx *c) {
  pthread_once(&table_once, build_table);
  c->words.hash = table_hash;
  c->words.slot = table_slot;
  c->words.len = table_len;
}

/* }====================================================== */
