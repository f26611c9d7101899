/*
** scan_words.c: the closed word lists the scanner decides with:
** abbreviations that keep their period, words that usually start a
** sentence, speech verbs, and prepositions that open a time phrase.
** They describe English news prose in general, not any one text.  Each
** list is kept in strcmp order, for the binary search of 'lookup'.
*/

#include "scan.h"

/* one entry of a word list */
typedef struct word_entry {
  const char *word;
  int value;
} word_entry;

/* strcmp for the short words of the lists, inline: the scanner asks
** about a word at every period, and a library call costs more than the
** few bytes compared */
static inline int word_cmp(const char *a, const char *b) {
  while (*a != '\0' && *a == *b) {
    a++;
    b++;
  }
  return (unsigned char)*a - (unsigned char)*b;
}

/* Find s[0..len) in 'list' ('count' entries, sorted by strcmp).  With
** 'fold' the word is compared in lower case (the list is in lower case);
** otherwise exactly.  Returns the entry's value, or 0 when absent.  The
** scanner asks about every word before a period: hence the binary search. */
static int lookup(const word_entry *list, size_t count, const char *s,
                  size_t len, int fold) {
  char buf[16];
  if (len == 0 || len >= sizeof buf) return 0;
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    buf[i] = (fold && c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
  }
  buf[len] = '\0';
  size_t lo = 0, hi = count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    /* the first letters decide most steps of the search */
    const char *w = list[mid].word;
    int cmp = (unsigned char)w[0] - (unsigned char)buf[0];
    if (cmp == 0) cmp = word_cmp(w + 1, buf + 1);
    if (cmp == 0) return list[mid].value;
    if (cmp < 0) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* {======================================================
** Abbreviations: titles that precede a name (they never end a sentence),
** and the others (companies, months, US states in AP style, Latin).
** Single-letter initials (J. U.S. a.m.) are recognised by their shape.
** ======================================================= */

static const word_entry abbreviations[] = {
  {"adm", ABBR_PREFIX}, {"al", ABBR_PLAIN}, {"ala", ABBR_PLAIN},
  {"amb", ABBR_PREFIX}, {"approx", ABBR_PLAIN}, {"apr", ABBR_PLAIN},
  {"ariz", ABBR_PLAIN}, {"ark", ABBR_PLAIN}, {"assn", ABBR_PLAIN},
  {"atty", ABBR_PREFIX}, {"aug", ABBR_PLAIN}, {"ave", ABBR_PLAIN},
  {"blvd", ABBR_PLAIN}, {"brig", ABBR_PREFIX}, {"bros", ABBR_PLAIN},
  {"ca", ABBR_PLAIN}, {"calif", ABBR_PLAIN}, {"capt", ABBR_PREFIX},
  {"cdr", ABBR_PREFIX}, {"cf", ABBR_PLAIN}, {"cmdr", ABBR_PREFIX},
  {"co", ABBR_PLAIN}, {"col", ABBR_PREFIX}, {"colo", ABBR_PLAIN},
  {"conn", ABBR_PLAIN}, {"corp", ABBR_PLAIN}, {"cpl", ABBR_PREFIX},
  {"dec", ABBR_PLAIN}, {"dept", ABBR_PLAIN}, {"dr", ABBR_PREFIX},
  {"etc", ABBR_PLAIN}, {"feb", ABBR_PLAIN}, {"fla", ABBR_PLAIN},
  {"fr", ABBR_PREFIX}, {"ft", ABBR_PREFIX}, {"ga", ABBR_PLAIN},
  {"gen", ABBR_PREFIX}, {"gens", ABBR_PREFIX}, {"gov", ABBR_PREFIX},
  {"govs", ABBR_PREFIX}, {"hon", ABBR_PREFIX}, {"inc", ABBR_PLAIN},
  {"jan", ABBR_PLAIN}, {"jr", ABBR_PLAIN}, {"jul", ABBR_PLAIN},
  {"jun", ABBR_PLAIN}, {"kan", ABBR_PLAIN}, {"ky", ABBR_PLAIN},
  {"lt", ABBR_PREFIX}, {"ltd", ABBR_PLAIN}, {"maj", ABBR_PREFIX},
  {"md", ABBR_PLAIN}, {"messrs", ABBR_PREFIX}, {"mich", ABBR_PLAIN},
  {"minn", ABBR_PLAIN}, {"mlle", ABBR_PREFIX}, {"mme", ABBR_PREFIX},
  {"mont", ABBR_PLAIN}, {"mr", ABBR_PREFIX}, {"mrs", ABBR_PREFIX},
  {"ms", ABBR_PREFIX}, {"msgr", ABBR_PREFIX}, {"mt", ABBR_PREFIX},
  {"neb", ABBR_PLAIN}, {"nev", ABBR_PLAIN}, {"no", ABBR_NUMERAL},
  {"nos", ABBR_NUMERAL}, {"nov", ABBR_PLAIN}, {"oct", ABBR_PLAIN},
  {"okla", ABBR_PLAIN}, {"pa", ABBR_PLAIN}, {"pp", ABBR_PLAIN},
  {"pres", ABBR_PREFIX}, {"prof", ABBR_PREFIX}, {"pvt", ABBR_PREFIX},
  {"rd", ABBR_PLAIN}, {"rep", ABBR_PREFIX}, {"reps", ABBR_PREFIX},
  {"rev", ABBR_PREFIX}, {"sec", ABBR_PREFIX}, {"sen", ABBR_PREFIX},
  {"sens", ABBR_PREFIX}, {"sep", ABBR_PLAIN}, {"sept", ABBR_PLAIN},
  {"sgt", ABBR_PREFIX}, {"spc", ABBR_PREFIX}, {"sr", ABBR_PLAIN},
  {"st", ABBR_PREFIX}, {"ste", ABBR_PREFIX}, {"supt", ABBR_PREFIX},
  {"tenn", ABBR_PLAIN}, {"univ", ABBR_PLAIN}, {"va", ABBR_PLAIN},
  {"vs", ABBR_PLAIN}, {"vt", ABBR_PLAIN}, {"wis", ABBR_PLAIN},
  {"wyo", ABBR_PLAIN},
};

/* Initials are told by shape, not looked up: a letter, a period, more
** letters and periods.  a.m. and p.m. get a class of their own. */
enum scan_abbrev scan_abbrev_class(const char *s, size_t len) {
  /* initials with inner periods: U.S a.m (the final period left off) */
  if (len >= 3 && s[1] == '.') {
    if (len == 3 && ((s[0] | 0x20) == 'a' || (s[0] | 0x20) == 'p') &&
        (s[2] | 0x20) == 'm')
      return ABBR_TIME;
    return ABBR_PLAIN;
  }
  if (len == 1) return ABBR_PLAIN;   /* an initial */
  if (len > 6) return ABBR_NONE;     /* longer than any in the list */
  return (enum scan_abbrev)lookup(abbreviations, COUNT(abbreviations), s,
                                  len, 1);
}

/* }====================================================== */


/* {======================================================
** Capitalised words that usually open a sentence: articles, pronouns
** (personal and indefinite), conjunctions, common adverbs and
** prepositions.  Not words that are also names (Will, May, Young).
** ======================================================= */

static const word_entry starters[] = {
  {"A", 1}, {"About", 1}, {"According", 1}, {"After", 1}, {"Again", 1},
  {"All", 1}, {"Also", 1}, {"Although", 1}, {"Among", 1}, {"An", 1},
  {"And", 1}, {"Another", 1}, {"Any", 1}, {"Are", 1}, {"As", 1}, {"At", 1},
  {"Because", 1}, {"Before", 1}, {"Both", 1}, {"But", 1}, {"By", 1},
  {"Could", 1}, {"Despite", 1}, {"Did", 1}, {"Do", 1}, {"Does", 1},
  {"During", 1}, {"Each", 1}, {"Earlier", 1}, {"Even", 1}, {"Every", 1},
  {"Everyone", 1}, {"Everything", 1}, {"Few", 1}, {"For", 1}, {"From", 1},
  {"Had", 1}, {"Has", 1}, {"Have", 1}, {"He", 1}, {"Her", 1}, {"Here", 1},
  {"His", 1}, {"How", 1}, {"However", 1}, {"I", 1}, {"If", 1}, {"In", 1},
  {"Instead", 1}, {"Is", 1}, {"It", 1}, {"Its", 1}, {"Just", 1}, {"Last", 1},
  {"Later", 1}, {"Many", 1}, {"Meanwhile", 1}, {"More", 1}, {"Moreover", 1},
  {"Most", 1}, {"My", 1}, {"Neither", 1}, {"No", 1}, {"Nobody", 1},
  {"None", 1}, {"Nor", 1}, {"Not", 1}, {"Nothing", 1}, {"Now", 1}, {"Of", 1},
  {"On", 1}, {"One", 1}, {"Only", 1}, {"Or", 1}, {"Other", 1}, {"Others", 1},
  {"Our", 1}, {"Over", 1}, {"She", 1}, {"Since", 1}, {"So", 1}, {"Some", 1},
  {"Someone", 1}, {"Something", 1}, {"Still", 1}, {"Such", 1}, {"That", 1},
  {"The", 1}, {"Their", 1}, {"Then", 1}, {"There", 1}, {"These", 1},
  {"They", 1}, {"This", 1}, {"Those", 1}, {"Though", 1}, {"Thus", 1},
  {"To", 1}, {"Today", 1}, {"Under", 1}, {"Unlike", 1}, {"Until", 1},
  {"Was", 1}, {"We", 1}, {"Were", 1}, {"What", 1}, {"When", 1}, {"Where", 1},
  {"Whether", 1}, {"Which", 1}, {"While", 1}, {"Who", 1}, {"Why", 1},
  {"With", 1}, {"Without", 1}, {"Yesterday", 1}, {"Yet", 1}, {"You", 1},
  {"Your", 1},
};

/* exact case: "The" opens a sentence, "THE" in a headline does not
** count, and "the" never follows a stop */
int scan_is_starter(const char *s, size_t len) {
  return lookup(starters, COUNT(starters), s, len, 0);
}

/* }====================================================== */


/* {======================================================
** Speech verbs, for a quoted question or exclamation followed by its
** attribution ("Why now?" Lavrov asked.), which is one sentence.
** ======================================================= */

static const word_entry speech_verbs[] = {
  {"acknowledged", 1}, {"added", 1}, {"adds", 1}, {"admitted", 1},
  {"answered", 1}, {"argued", 1}, {"asked", 1}, {"asks", 1},
  {"countered", 1}, {"cried", 1}, {"declared", 1}, {"demanded", 1},
  {"exclaimed", 1}, {"explained", 1}, {"insisted", 1}, {"joked", 1},
  {"noted", 1}, {"pleaded", 1}, {"quipped", 1}, {"recalled", 1},
  {"remarked", 1}, {"replied", 1}, {"replies", 1}, {"responded", 1},
  {"said", 1}, {"says", 1}, {"shouted", 1}, {"stated", 1}, {"told", 1},
  {"tweeted", 1}, {"urged", 1}, {"warned", 1}, {"wondered", 1},
  {"writes", 1}, {"wrote", 1},
};

/* any case, though the verb after a name is nearly always lower case */
int scan_is_speech_verb(const char *s, size_t len) {
  return lookup(speech_verbs, COUNT(speech_verbs), s, len, 1);
}

/* }====================================================== */


/* {======================================================
** Prepositions that open an introductory time phrase (At 5 a.m. ...)
** ======================================================= */

static const word_entry time_prepositions[] = {
  {"About", 1}, {"After", 1}, {"Around", 1}, {"At", 1}, {"Before", 1},
  {"By", 1}, {"From", 1}, {"Since", 1}, {"Until", 1},
};

/* exact case: only a sentence's first word is asked about */
int scan_is_time_preposition(const char *s, size_t len) {
  return lookup(time_prepositions, COUNT(time_prepositions), s, len, 0);
}

/* }====================================================== */
