/*
** lexicon.c: the multi-word gazetteer.
**
** An entry's key is the token sequence of its surface form, tokenised by
** the real scanner (stage_scan) so that keys agree with the tokens of the
** texts: the same normalised forms, the same hashes, the same case flags.
** Two open-addressing tables make a lookup cheap:
**   - 'first': the hash of an entry's first token -> which lengths (in
**     tokens) entries starting with it have, a small Bloom filter of their
**     second tokens, and the chain of the one-token entries, all in one
**     24-byte slot.
**   - 'seq': the hash of a whole token sequence (and its length) -> a
**     chain of the entries of two tokens or more with that key.
** Every chain lists user entries first.
** In front of 'first' stand two small Bloom filters of first tokens
** (one for entries whose first token matches in any case, one for all):
** a lower-case token asks the first, a capitalised one the second.  They
** hold 16 bits or more per key and stay in the L1/L2 cache, so a token
** that starts nothing costs one load, whatever its word ("the" too, as
** only capitalised entries start with it: NOTNAME entries ask for a
** capital, see entry_casing).
** A hit is then verified token by token against the text's normalised
** forms (never hashes alone) and against the entry's case rule.
** The lexicon owns its strings in an arena of its own.  It is written
** only while a pipeline is built and is read-only (thread-safe) after.
*/
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "lexicon_filter.h"
#include "swar.h"

/* longest normalised form of one entry token, in bytes */
#define MAX_TOKEN_NORM 255
/* most tokens an entry may have ('ntok' is a uint8_t) */
#define MAX_ENTRY_TOKENS 255
#define NO_ENTRY UINT32_MAX

/* the case rule of one entry token */
enum {
  CASE_ANY = 0,   /* written in lower case (or no letters): any case */
  CASE_CAP,       /* starts with a capital: the text's token must too */
  CASE_EXACT      /* all capitals, 2-4 letters (US, UN): only all caps */
};

/* one token of an entry's key */
typedef struct key_token {
  const char *norm;   /* normalised form, in the arena (may hold NULs) */
  uint64_t head;      /* its first 8 bytes (fewer: zero-padded), read
                         little-endian: most words are compared whole
                         with one load of the text (see token_fits) */
  uint32_t hash;      /* the scanner's hash of that form */
  uint16_t len;       /* length of 'norm' */
  uint8_t casing;     /* CASE_* */
} key_token;

/* an entry: what lexicon_match hands out, and where its key lies */
typedef struct entry {
  lex_entry pub;      /* first member: handed out as a 'lex_entry *' */
  uint32_t key;       /* index of its first token in 'keys' */
  uint32_t seqhash;   /* hash of its whole key (length included) */
  uint32_t next;      /* next entry of the same chain, or NO_ENTRY */
} entry;

/* a slot of the 'first' table, 32 bytes, aligned to them: the key and
** what a hit needs lie together in one cache line, so a hit costs one
** miss, not two.  The first one-token entry (most hits are one alone) is
** even checked against the text and handed out from the slot, without
** a look at the entry or its key_token. */
typedef struct first_slot {
  uint64_t second;    /* Bloom bits of the second tokens of its entries */
  uint64_t head1_head;   /* the first one-token entry's key: its head */
  uint32_t key;       /* first-token hash (see first_key); 0: empty */
  uint32_t lengths;   /* bit n-1: an entry of n tokens (bit 31: >= 32) */
  uint32_t head1;     /* first one-token entry + 1; 0: none */
  uint16_t head1_cls;    /* its class */
  uint8_t head1_info;    /* its length, case rule, more: HEAD1_* */
  uint8_t casings;    /* bit CASE_*: the case rules of its first tokens */
} first_slot;

_Static_assert(sizeof(first_slot) == 32, "first_slot: half a cache line");

/* the fields of 'head1_info': the key's length in bytes (HEAD1_LONG: over
** 8, too long to be checked in the slot), its case rule, and whether
** other one-token entries follow in the chain */
#define HEAD1_LEN(info) ((info) & 0x0Fu)
#define HEAD1_LONG 0x0Fu
#define HEAD1_CASING(info) (((info) >> 4) & 0x03u)
#define HEAD1_MORE 0x40u

/* a slot of the 'seq' table; empty when 'head' is 0 */
typedef struct seq_slot {
  uint32_t hash;      /* hash of a token sequence and its length */
  uint32_t head;      /* first entry of its chain + 1 */
} seq_slot;

struct lexicon {
  arena strings;          /* normalised forms, canonical names, roles */
  vec entries;            /* entry */
  vec keys;               /* key_token */
  first_slot *first;      /* 'firstcap' slots, a power of 2, in: */
  void *first_mem;        /* the memory allocated for them */
  uint32_t firstcap, nfirst;
  seq_slot *seq;          /* 'seqcap' slots, a power of 2 */
  uint32_t seqcap, nseq;
  /* the first-token filters (see 'Filters' below): one for first tokens
  ** that match in any case, one for all first tokens */
  uint64_t *anyfilter, *allfilter;
  uint32_t anymask, allmask;   /* their sizes in words, less one */
  uint32_t nany;               /* first tokens in 'anyfilter' */
  /* the surnames of the PERSON entries of two tokens or more: last-token
  ** hash -> entry index + 1 (0: empty), open addressing, one slot per
  ** entry (a surname shared by several entries has several slots) */
  uint32_t *surn_hash, *surn_entry;
  uint32_t surncap, nsurn;     /* slots (a power of 2, or 0), in use */
  /* used while building only: a doc to tokenise surfaces with, and the
  ** normalised forms of the surface being added */
  annot_doc scratch;
  char *normbuf;
  size_t normcap;
};


/* {======================================================
** Hashing
** ======================================================= */

/* fold one token hash into the hash of a sequence */
static uint32_t seq_step(uint32_t h, uint32_t tokhash) {
  h = (h ^ tokhash) * 0x9E3779B1u;
  return h ^ (h >> 16);
}

/* the key of a sequence of 'n' tokens whose folded hash is 'h' */
static uint32_t seq_final(uint32_t h, uint32_t n) {
  h = (h ^ (n * 0x85EBCA6Bu)) * 0xC2B2AE35u;
  return h ^ (h >> 13);
}

/* the home slot of 'h' in a table of 2^bits slots ('mask' = size - 1):
** a multiplicative hash, since token hashes are not uniform in the low
** bits */
static uint32_t home_slot(uint32_t h, uint32_t mask) {
  return (h * 0x9E3779B1u ^ (h >> 15)) & mask;
}

/* the bit of 'first_slot.second' standing for a second token 'h' */
static uint64_t second_bit(uint32_t h) {
  return (uint64_t)1 << ((h * 0x2545F491u) >> 26);
}

/* the bit of 'lengths' standing for entries of 'n' tokens */
static uint32_t length_bit(uint32_t n) {
  return n >= 32 ? 1u << 31 : 1u << (n - 1);
}

/* }====================================================== */


/* {======================================================
** Filters: a blocked Bloom filter of first-token hashes.  A key sets
** two bits of one 64-bit word, so a probe is one load; with 16 bits or
** more per key about one token in 50 that starts nothing gets past it.
** ======================================================= */

/* the mixed 64-bit form of a token hash: its high half picks the word
** and the bits (a 64-bit product mixes the high bits well) */
static uint64_t filter_mix(uint32_t h) {
  return (uint64_t)h * 0x9E3779B97F4A7C15ull;
}

/* the two bits of 'h' in its word */
static uint64_t filter_bits(uint64_t x) {
  return ((uint64_t)1 << ((x >> 32) & 63)) | ((uint64_t)1 << ((x >> 38) & 63));
}

/* set the bits of first-token hash 'h' in 'f' */
static void filter_add(uint64_t *f, uint32_t mask, uint32_t h) {
  uint64_t x = filter_mix(h);
  f[(x >> 44) & mask] |= filter_bits(x);
}

/* 'h' may be in 'f' (a false yes now and then, never a false no) */
static int filter_has(const uint64_t *f, uint32_t mask, uint32_t h) {
  uint64_t x = filter_mix(h), b = filter_bits(x);
  return (f[(x >> 44) & mask] & b) == b;
}

/* }====================================================== */


/* {======================================================
** The two tables
** ======================================================= */

/* the key of 'hash' in 'first', where 0 marks an empty slot */
static uint32_t first_key(uint32_t hash) {
  return hash != 0 ? hash : 1;
}

/* The slot of 'first' for token hash 'hash', or NULL.  Called after
** the filter said yes: mostly a hit. */
static const first_slot *find_first(const lexicon *lx, uint32_t hash) {
  if (lx->firstcap == 0) return NULL;
  uint32_t key = first_key(hash), mask = lx->firstcap - 1;
  for (uint32_t s = home_slot(key, mask);; s = (s + 1) & mask) {
    uint32_t k = lx->first[s].key;
    if (k == key) return &lx->first[s];
    if (k == 0) return NULL;
  }
}

/* Size the filters and fill them from the 'first' table: each first
** token goes in 'allfilter', and in 'anyfilter' too when an entry's
** first token matches in any case.  'allfilter' has 8 bits per slot of
** 'first', so 16 or more per key at its load of one half at most;
** 'anyfilter' 32 or more per key of its own, far fewer: the lower-case
** tokens, most of a text, probe a filter of a few KB that stays in L1. */
static int rebuild_filters(lexicon *lx) {
  uint32_t allwords = lx->firstcap / 8, anywords = 8;
  while (anywords < lx->nany) anywords *= 2;   /* 64 bits per key, less
                                                  than twice that */
  uint64_t *any = calloc(anywords, sizeof *any);
  uint64_t *all = calloc(allwords, sizeof *all);
  if (any == NULL || all == NULL) {
    free(any);
    free(all);
    return ANNOT_ENOMEM;
  }
  free(lx->anyfilter);
  free(lx->allfilter);
  lx->anyfilter = any;
  lx->allfilter = all;
  lx->anymask = anywords - 1;
  lx->allmask = allwords - 1;
  for (uint32_t s = 0; s < lx->firstcap; s++) {
    if (lx->first[s].key == 0) continue;
    /* the key is the hash, except that a hash of 0 was stored as 1: a
    ** token hashed 0 or 1 then finds both bits set, which is only a
    ** false yes */
    uint32_t h = lx->first[s].key;
    filter_add(all, lx->allmask, h);
    if (h == 1) filter_add(all, lx->allmask, 0);
    if (lx->first[s].casings & (1u << CASE_ANY)) {
      filter_add(any, lx->anymask, h);
      if (h == 1) filter_add(any, lx->anymask, 0);
    }
  }
  return ANNOT_OK;
}

/* double the 'first' table (or make it), rehashing what it holds; its
** slots are aligned so that none straddles two cache lines */
static int grow_first(lexicon *lx) {
  uint32_t cap = lx->firstcap ? lx->firstcap * 2 : 1024;
  /* calloc, not aligned_alloc and memset: fresh pages come zeroed */
  void *mem = calloc((size_t)cap + 2, sizeof(first_slot));
  if (mem == NULL) return ANNOT_ENOMEM;
  first_slot *t = (first_slot *)(((uintptr_t)mem + 63) & ~(uintptr_t)63);
  for (uint32_t i = 0; i < lx->firstcap; i++) {
    if (lx->first[i].key == 0) continue;
    uint32_t s = home_slot(lx->first[i].key, cap - 1);
    while (t[s].key != 0) s = (s + 1) & (cap - 1);
    t[s] = lx->first[i];
  }
  free(lx->first_mem);
  lx->first_mem = mem;
  lx->first = t;
  lx->firstcap = cap;
  return rebuild_filters(lx);
}

/* Note that an entry of 'n' tokens starts with a token hashed 'hash'
** of case rule 'casing' (then one hashed 'hash2' when n > 1), in the
** table and in the filters; returns its slot, or NULL when out of
** memory.  The slot stays valid until the next call. */
static first_slot *add_first(lexicon *lx, uint32_t hash, uint32_t hash2,
                             uint32_t n, unsigned casing) {
  if ((lx->nfirst + 1) * 2 > lx->firstcap && grow_first(lx) != ANNOT_OK)
    return NULL;
  uint32_t key = first_key(hash), mask = lx->firstcap - 1;
  uint32_t s = home_slot(key, mask);
  while (lx->first[s].key != 0 && lx->first[s].key != key) s = (s + 1) & mask;
  if (lx->first[s].key == 0) {   /* a new first token */
    lx->first[s].key = key;
    lx->nfirst++;
  }
  first_slot *slot = &lx->first[s];
  slot->lengths |= length_bit(n);
  filter_add(lx->allfilter, lx->allmask, hash);
  if (casing == CASE_ANY && !(slot->casings & (1u << CASE_ANY))) {
    /* a new key of 'anyfilter': it grows past one key per word */
    lx->nany++;
    if (lx->nany > lx->anymask + 1 && rebuild_filters(lx) != ANNOT_OK)
      return NULL;
    filter_add(lx->anyfilter, lx->anymask, hash);
  }
  slot->casings |= (uint8_t)(1u << casing);
  if (n > 1) slot->second |= second_bit(hash2);
  return slot;
}

/* The longest entry starting with the first token of slot 'fs', in
** tokens: from 'lengths' (all are at most MAX_ENTRY_TOKENS long) */
static uint32_t slot_maxlen(const first_slot *fs) {
  if (fs->lengths & length_bit(32)) return MAX_ENTRY_TOKENS;
  return 32 - (uint32_t)__builtin_clz(fs->lengths);   /* never 0 */
}

/* copy what a check of the first one-token entry of slot 'fs' needs
** into the slot (after its chain changed) */
static void cache_head1(lexicon *lx, first_slot *fs) {
  const entry *e = &VEC_AT(lx->entries, entry, fs->head1 - 1);
  const key_token *kt = &VEC_AT(lx->keys, key_token, e->key);
  fs->head1_head = kt->head;
  fs->head1_cls = e->pub.cls;
  fs->head1_info = (uint8_t)((kt->len <= 8 ? kt->len : HEAD1_LONG) |
                             (unsigned)kt->casing << 4 |
                             (e->next != NO_ENTRY ? HEAD1_MORE : 0));
}

/* the slot of 'seq' for 'hash': the one holding it, or the empty one
** where it would go */
static seq_slot *find_seq(const lexicon *lx, uint32_t hash) {
  uint32_t mask = lx->seqcap - 1;
  uint32_t s = home_slot(hash, mask);
  while (lx->seq[s].head != 0 && lx->seq[s].hash != hash) s = (s + 1) & mask;
  return &lx->seq[s];
}

/* double the 'seq' table (or make it), rehashing what it holds */
static int grow_seq(lexicon *lx) {
  uint32_t cap = lx->seqcap ? lx->seqcap * 2 : 1024;
  seq_slot *t = calloc(cap, sizeof *t);
  if (t == NULL) return ANNOT_ENOMEM;
  for (uint32_t i = 0; i < lx->seqcap; i++) {
    seq_slot *old = &lx->seq[i];
    if (old->head == 0) continue;
    uint32_t s = home_slot(old->hash, cap - 1);
    while (t[s].head != 0) s = (s + 1) & (cap - 1);
    t[s] = *old;
  }
  free(lx->seq);
  lx->seq = t;
  lx->seqcap = cap;
  return ANNOT_OK;
}

/* }====================================================== */


/* {======================================================
** Building
** ======================================================= */

/* An empty lexicon; its tables are made on the first entry. */
lexicon *lexicon_new(void) {
  return calloc(1, sizeof(lexicon));
}

/* Free the lexicon, its strings and the scratch doc it tokenised with. */
void lexicon_free(lexicon *lx) {
  if (lx == NULL) return;
  arena_free(&lx->strings);
  vec_free(&lx->entries);
  vec_free(&lx->keys);
  free(lx->first_mem);
  free(lx->seq);
  free(lx->anyfilter);
  free(lx->allfilter);
  free(lx->surn_hash);
  free(lx->surn_entry);
  annot_doc *sc = &lx->scratch;
  free(sc->tok_start);
  free(sc->tok_end);
  free(sc->tok_hash);
  free(sc->tok_flags);
  free(sc->tok_kind);
  vec_free(&sc->sentences);
  vec_free(&sc->paragraphs);
  vec_free(&sc->mentions);
  vec_free(&sc->entities);
  vec_free(&sc->quotes);
  arena_free(&sc->arena);
  free(lx->normbuf);
  free(lx);
}

/* the number of entries (a line given twice counts once) */
size_t lexicon_size(const lexicon *lx) {
  return lx ? lx->entries.n : 0;
}

/* Tokenise 'surface' with the scanner into the scratch doc, which is
** reused from one entry to the next (only its counts are reset). */
static int scan_surface(lexicon *lx, const char *surface, size_t len,
                        annot_error *err) {
  annot_doc *sc = &lx->scratch;
  /* a fresh doc each time, but the arrays it grew are kept: building a
  ** lexicon of 100,000 entries then allocates almost nothing */
  sc->ntok = 0;
  sc->sentences.n = sc->paragraphs.n = sc->mentions.n = 0;
  sc->entities.n = sc->quotes.n = 0;
  if (sc->arena.total > 0) arena_free(&sc->arena);
  sc->pipeline = NULL;
  sc->text = surface;
  sc->len = (uint32_t)len;
  /* the pipeline sizes the token arrays before a scan: do the same */
  if (sc->tokcap < len / 5 + 64 && doc_reserve_tokens(sc, len) != ANNOT_OK)
    return annot_seterror(err, ANNOT_ENOMEM, 0, "out of memory");
  return stage_scan(sc, err);
}

/* the number of letters in text[0..len): ASCII letters, and one for each
** non-ASCII character (near enough for the 2-4 letter rule) */
static unsigned count_letters(const char *text, size_t len) {
  unsigned n = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)text[i];
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') n++;
    else if (c >= 0xC0) n++;
  }
  return n;
}

/* the case rule of token 'k' of the scratch doc */
static uint8_t token_casing(const annot_doc *sc, uint32_t k) {
  unsigned flags = sc->tok_flags[k];
  if (flags & ANNOT_TF_ALLCAPS) {
    unsigned letters = count_letters(sc->text + sc->tok_start[k],
                                     sc->tok_end[k] - sc->tok_start[k]);
    if (letters >= 2 && letters <= 4) return CASE_EXACT;
  }
  return (flags & (ANNOT_TF_CAP | ANNOT_TF_ALLCAPS)) ? CASE_CAP : CASE_ANY;
}

/* The case rule of token 'k' of an entry of class 'cls' just scanned:
** the token's own, except that a NOTNAME entry is about capitalised
** words ('The', 'But' opening a sentence), so its first token asks for
** a capital however it is written.  Then "the" in lower case, the
** commonest token of all, passes no filter and costs no lookup. */
static uint8_t entry_casing(const lexicon *lx, uint32_t k, unsigned cls) {
  uint8_t casing = token_casing(&lx->scratch, k);
  if (cls == LEX_NOTNAME && k == 0 && casing == CASE_ANY) casing = CASE_CAP;
  return casing;
}

/* a stored optional string (NULL: none) equals s[0..n) (n 0: none) */
static int same_string(const char *stored, const char *s, size_t n) {
  if (stored == NULL || n == 0) return stored == NULL && n == 0;
  return strlen(stored) == n && memcmp(stored, s, n) == 0;
}

/* 'e' has the key just scanned (normalised forms in 'normbuf', 'offs'),
** and the same class, origin, canonical name and role: adding it again
** would only make every lookup of that key return it twice */
static int same_entry(const lexicon *lx, const entry *e, uint32_t ntok,
                      const uint32_t *offs, unsigned cls, int user,
                      const char *canonical, size_t clen, const char *role,
                      size_t rlen) {
  if (e->pub.ntok != ntok || e->pub.cls != cls || e->pub.user != !!user ||
      !same_string(e->pub.canonical, canonical, clen) ||
      !same_string(e->pub.role, role, rlen))
    return 0;
  /* the hash matched; the key's tokens must be the same text and case */
  const key_token *kt = &VEC_AT(lx->keys, key_token, e->key);
  for (uint32_t k = 0; k < ntok; k++) {
    size_t len = offs[k + 1] - offs[k];
    if (kt[k].hash != lx->scratch.tok_hash[k] || kt[k].len != len ||
        kt[k].casing != entry_casing(lx, k, cls) ||
        memcmp(kt[k].norm, lx->normbuf + offs[k], len) != 0)
      return 0;
  }
  return 1;
}

/* Normalise the scratch doc's tokens into 'normbuf'; 'offs[k]' is where
** token k starts there and 'offs[ntok]' the end. */
static int normalise_tokens(lexicon *lx, uint32_t *offs, const char *surface,
                            size_t slen, annot_error *err) {
  const annot_doc *sc = &lx->scratch;
  size_t need = 0;
  for (uint32_t k = 0; k < sc->ntok; k++) {
    /* normalise into a stack buffer first: its length bounds the copy */
    char probe[MAX_TOKEN_NORM + 1];
    size_t n = annot_norm(sc->text + sc->tok_start[k],
                          sc->tok_end[k] - sc->tok_start[k], probe,
                          sizeof probe);
    if (n > MAX_TOKEN_NORM)
      return annot_seterror(err, ANNOT_ELEXICON, 0,
                            "entry '%.*s': a token is over %d bytes",
                            (int)(slen > 80 ? 80 : slen), surface,
                            MAX_TOKEN_NORM);
    if (need + n > lx->normcap) {
      size_t cap = lx->normcap * 2 + MAX_TOKEN_NORM + 1;
      char *b = realloc(lx->normbuf, cap);
      if (b == NULL) return annot_seterror(err, ANNOT_ENOMEM, 0,
                                           "out of memory");
      lx->normbuf = b;
      lx->normcap = cap;
    }
    memcpy(lx->normbuf + need, probe, n);
    offs[k] = (uint32_t)need;
    need += n;
  }
  offs[sc->ntok] = (uint32_t)need;
  return ANNOT_OK;
}

/* Link entry 'idx' into the chain starting at '*head': a user's entry
** after the user entries already there, a default one at the end.  So
** each chain lists user entries first and otherwise keeps the order of
** addition, which is the order lexicon_match promises. */
static void link_entry(lexicon *lx, uint32_t *head, uint32_t idx) {
  entry *e = &VEC_AT(lx->entries, entry, idx);
  if (*head == 0) {   /* a new key */
    *head = idx + 1;
    return;
  }
  entry *prev = &VEC_AT(lx->entries, entry, *head - 1);
  if (e->pub.user && !prev->pub.user) {   /* before the first default */
    e->next = *head - 1;
    *head = idx + 1;
    return;
  }
  while (prev->next != NO_ENTRY) {
    entry *c = &VEC_AT(lx->entries, entry, prev->next);
    if (e->pub.user && !c->pub.user) break;
    prev = c;
  }
  e->next = prev->next;
  prev->next = idx;
}

/* Add one entry: the surface 'surface[0..slen)', the canonical name and
** role as counted strings ('canonical' NULL or 'clen' 0: none). */
/* Record entry 'idx' under its surname hash 'h' (the table doubles at
** half full); 0 or ANNOT_ENOMEM. */
static int add_surname(lexicon *lx, uint32_t h, uint32_t idx) {
  if ((lx->nsurn + 1) * 2 > lx->surncap) {
    uint32_t cap = lx->surncap ? lx->surncap * 2 : 256;
    uint32_t *hs = calloc(cap, sizeof *hs), *es = calloc(cap, sizeof *es);
    if (hs == NULL || es == NULL) {
      free(hs);
      free(es);
      return ANNOT_ENOMEM;
    }
    for (uint32_t k = 0; k < lx->surncap; k++) {
      if (lx->surn_entry[k] == 0) continue;
      uint32_t s = home_slot(lx->surn_hash[k], cap - 1);
      while (es[s]) s = (s + 1) & (cap - 1);
      hs[s] = lx->surn_hash[k];
      es[s] = lx->surn_entry[k];
    }
    free(lx->surn_hash);
    free(lx->surn_entry);
    lx->surn_hash = hs;
    lx->surn_entry = es;
    lx->surncap = cap;
  }
  uint32_t s = home_slot(h, lx->surncap - 1);
  while (lx->surn_entry[s]) s = (s + 1) & (lx->surncap - 1);
  lx->surn_hash[s] = h;
  lx->surn_entry[s] = idx + 1;
  lx->nsurn++;
  return ANNOT_OK;
}

static int add_entry(lexicon *lx, const char *surface, size_t slen,
                     unsigned cls, const char *canonical, size_t clen,
                     const char *role, size_t rlen, int user,
                     annot_error *err) {
  int shown = (int)(slen > 80 ? 80 : slen);   /* of the surface, in errors */
  if (cls >= LEX_CLASS_END)
    return annot_seterror(err, ANNOT_ELEXICON, 0,
                          "entry '%.*s': bad class %u", shown, surface, cls);
  if (slen >= UINT32_MAX)
    return annot_seterror(err, ANNOT_ELEXICON, 0, "entry too long");
  /* its tokens, as the scanner makes them of a text */
  int rc = scan_surface(lx, surface, slen, err);
  if (rc != ANNOT_OK) return rc;
  uint32_t ntok = lx->scratch.ntok;
  if (ntok == 0)
    return annot_seterror(err, ANNOT_ELEXICON, 0,
                          "entry '%.*s': no tokens", shown, surface);
  if (ntok > MAX_ENTRY_TOKENS)
    return annot_seterror(err, ANNOT_ELEXICON, 0,
                          "entry '%.*s': over %d tokens", shown, surface,
                          MAX_ENTRY_TOKENS);
  uint32_t offs[MAX_ENTRY_TOKENS + 1];   /* into 'normbuf', per token */
  rc = normalise_tokens(lx, offs, surface, slen, err);
  if (rc != ANNOT_OK) return rc;

  if (canonical == NULL) clen = 0;
  if (role == NULL) rlen = 0;

  /* the key's hash and the head of its chain: in 'first' for one token,
  ** in 'seq' for more; an entry already there is not added twice */
  const uint32_t *th = lx->scratch.tok_hash;
  uint32_t h = 0;
  for (uint32_t k = 0; k < ntok; k++) h = seq_step(h, th[k]);
  h = seq_final(h, ntok);
  if (ntok > 1 && (lx->nseq + 1) * 2 > lx->seqcap && grow_seq(lx) != ANNOT_OK)
    return annot_seterror(err, ANNOT_ENOMEM, 0, "out of memory");
  first_slot *fslot = add_first(lx, th[0], ntok > 1 ? th[1] : 0, ntok,
                                entry_casing(lx, 0, cls));
  if (fslot == NULL)
    return annot_seterror(err, ANNOT_ENOMEM, 0, "out of memory");
  uint32_t *head = &fslot->head1;
  if (ntok > 1) {
    seq_slot *slot = find_seq(lx, h);
    if (slot->head == 0) {   /* a new key: claim the slot */
      slot->hash = h;
      lx->nseq++;
    }
    head = &slot->head;
  }
  for (uint32_t e = *head ? *head - 1 : NO_ENTRY; e != NO_ENTRY;
       e = VEC_AT(lx->entries, entry, e).next)
    if (same_entry(lx, &VEC_AT(lx->entries, entry, e), ntok, offs, cls, user,
                   canonical, clen, role, rlen))
      return ANNOT_OK;

  /* the canonical name and role, NUL-terminated in the arena */
  char *canon = NULL, *rolestr = NULL;
  if (clen > 0 && (canon = arena_strdup(&lx->strings, canonical, clen)) == NULL)
    return annot_seterror(err, ANNOT_ENOMEM, 0, "out of memory");
  if (rlen > 0 && (rolestr = arena_strdup(&lx->strings, role, rlen)) == NULL)
    return annot_seterror(err, ANNOT_ENOMEM, 0, "out of memory");

  /* its key tokens: hash, normalised form and case rule of each; the
  ** counts stay below UINT32_MAX so that NO_ENTRY is never an index */
  if (lx->keys.n + (size_t)ntok > UINT32_MAX - 1 ||
      lx->entries.n >= UINT32_MAX - 1 ||
      vec_reserve(&lx->keys, sizeof(key_token), lx->keys.n + ntok) != ANNOT_OK)
    return annot_seterror(err, ANNOT_ENOMEM, 0, "out of memory");
  uint32_t key = lx->keys.n;
  for (uint32_t k = 0; k < ntok; k++) {
    key_token *kt = vec_push(&lx->keys, sizeof *kt);
    size_t n = offs[k + 1] - offs[k];
    kt->norm = arena_strdup(&lx->strings, lx->normbuf + offs[k], n);
    if (kt->norm == NULL)
      return annot_seterror(err, ANNOT_ENOMEM, 0, "out of memory");
    kt->len = (uint16_t)n;
    kt->head = swar_load(kt->norm, n < 8 ? n : 8);
    kt->hash = lx->scratch.tok_hash[k];
    kt->casing = entry_casing(lx, k, cls);
  }
  /* the entry itself (a failure here leaves unused keys, or a length bit
  ** with no entry behind it, which cost memory but never a wrong match) */
  entry *e = vec_push(&lx->entries, sizeof *e);
  if (e == NULL) return annot_seterror(err, ANNOT_ENOMEM, 0, "out of memory");
  uint32_t idx = lx->entries.n - 1;
  e->pub.canonical = canon;
  e->pub.role = rolestr;
  e->pub.cls = (uint16_t)cls;
  e->pub.ntok = (uint8_t)ntok;
  e->pub.user = (uint8_t)!!user;
  e->key = key;
  e->seqhash = h;
  e->next = NO_ENTRY;
  link_entry(lx, head, idx);
  if (ntok == 1) cache_head1(lx, fslot);
  /* a person named in full: its surname, for labels */
  if (cls == ANNOT_PERSON && ntok >= 2 && canon != NULL &&
      add_surname(lx, lx->scratch.tok_hash[ntok - 1], idx) != ANNOT_OK)
    return annot_seterror(err, ANNOT_ENOMEM, 0, "out of memory");
  return ANNOT_OK;
}

/* Add one entry given NUL-terminated canonical name and role (or NULL). */
int lexicon_add(lexicon *lx, const char *surface, size_t len, unsigned cls,
                const char *canonical, const char *role, int user,
                annot_error *err) {
  if (lx == NULL || surface == NULL)
    return annot_seterror(err, ANNOT_EINVAL, 0, "lexicon_add: no surface");
  return add_entry(lx, surface, len, cls, canonical,
                   canonical ? strlen(canonical) : 0, role,
                   role ? strlen(role) : 0, user, err);
}

/* }====================================================== */


/* {======================================================
** TSV files
** ======================================================= */

/* one field of a line, trimmed of spaces at both ends */
typedef struct field {
  const char *s;
  size_t len;
} field;

/* trim blanks (space, tab, CR) from both ends of 'f' */
static void trim(field *f) {
  while (f->len > 0 && (f->s[0] == ' ' || f->s[0] == '\r')) {
    f->s++;
    f->len--;
  }
  while (f->len > 0 && (f->s[f->len - 1] == ' ' || f->s[f->len - 1] == '\r'))
    f->len--;
}

/* split line[0..len) at tabs into at most 'max' fields; returns how many
** (a fifth column and beyond are notes, left to the reader) */
static int split_fields(const char *line, size_t len, field *out, int max) {
  int n = 0;
  size_t start = 0;
  for (size_t i = 0; i <= len && n < max; i++) {
    if (i == len || line[i] == '\t') {
      out[n].s = line + start;
      out[n].len = i - start;
      trim(&out[n]);
      n++;
      start = i + 1;
    }
  }
  return n;
}

/* prefix the message of 'err' with "name:line: " */
static int line_error(annot_error *err, int code, const char *name,
                      size_t line) {
  if (err != NULL) {
    char msg[sizeof err->message];
    memcpy(msg, err->message, sizeof msg);
    msg[sizeof msg - 1] = '\0';
    annot_seterror(err, (annot_status)code, line, "%s:%zu: %s", name, line,
                   msg);
  }
  return code;
}

/* Add the entries of a TSV text, line by line (see lexicon.h and
** doc/lexicon.md).  The first error stops it; the entries of the lines
** before it stay.  'err->offset' is the line number, counted from 1.
** Without 'resolve_label' only type and class names are known. */
int lexicon_add_tsv(lexicon *lx, const char *tsv, size_t len, const char *name,
                    int user, lex_label_fn resolve_label, void *ud,
                    annot_error *err) {
  if (name == NULL) name = "lexicon";
  if (tsv == NULL) len = 0;
  size_t pos = 0, line = 0;
  /* a UTF-8 byte order mark is no part of the first surface */
  if (len >= 3 && memcmp(tsv, "\xEF\xBB\xBF", 3) == 0) pos = 3;
  while (pos < len) {
    /* the next line, without its LF or CRLF; the last may have neither */
    const char *nl = memchr(tsv + pos, '\n', len - pos);
    size_t end = nl ? (size_t)(nl - tsv) : len;
    const char *text = tsv + pos;
    size_t tlen = end - pos;
    pos = end + 1;
    line++;
    if (tlen > 0 && text[tlen - 1] == '\r') tlen--;
    /* comments and blank lines */
    size_t lead = 0;
    while (lead < tlen && (text[lead] == ' ' || text[lead] == '\t')) lead++;
    if (lead == tlen || text[lead] == '#') continue;

    /* surface, type, canonical, role: the first two are required */
    field f[4];
    memset(f, 0, sizeof f);
    int nf = split_fields(text, tlen, f, 4);
    if (f[0].len == 0)
      return annot_seterror(err, ANNOT_ELEXICON, line,
                            "%s:%zu: empty surface form", name, line);
    if (nf < 2 || f[1].len == 0)
      return annot_seterror(err, ANNOT_ELEXICON, line,
                            "%s:%zu: no type for '%.*s'", name, line,
                            (int)(f[0].len > 80 ? 80 : f[0].len), f[0].s);
    /* the caller decides what a type name means (a user's new label) */
    int cls = resolve_label ? resolve_label(ud, f[1].s, f[1].len)
                            : lexicon_class_lookup(f[1].s, f[1].len);
    if (cls < 0)
      return annot_seterror(err, ANNOT_ELEXICON, line,
                            "%s:%zu: unknown type '%.*s'", name, line,
                            (int)(f[1].len > 80 ? 80 : f[1].len), f[1].s);
    int rc = add_entry(lx, f[0].s, f[0].len, (unsigned)cls,
                       nf > 2 ? f[2].s : NULL, nf > 2 ? f[2].len : 0,
                       nf > 3 ? f[3].s : NULL, nf > 3 ? f[3].len : 0,
                       user, err);
    /* add_entry's message gains "name:line: " in front */
    if (rc != ANNOT_OK) return line_error(err, rc, name, line);
  }
  return ANNOT_OK;
}

/* }====================================================== */


/* {======================================================
** Class names
** ======================================================= */

static const char *const type_names[ANNOT_TYPE_COUNT] = {
  "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "DATE", "TIME",
  "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"
};

static const char *const class_names[LEX_CLASS_END - LEX_TITLE] = {
  "TITLE", "GIVEN", "ORGHEAD", "LOCHEAD", "FACHEAD", "EVENTHEAD", "CUE",
  "SOURCE", "NOTNAME"
};

/* The class named name[0..len): a type name (PERSON...) gives its
** annot_type, a class name (TITLE...) its LEX_* value; case matters. */
int lexicon_class_lookup(const char *name, size_t len) {
  if (name == NULL || len == 0) return -1;
  /* asked once per line of a lexicon: the first letter rules out most
  ** names before their length is counted */
  for (unsigned t = 0; t < ANNOT_TYPE_COUNT; t++)
    if (type_names[t][0] == name[0] && strlen(type_names[t]) == len &&
        memcmp(type_names[t], name, len) == 0)
      return (int)t;
  for (unsigned c = 0; c < LEX_CLASS_END - LEX_TITLE; c++)
    if (class_names[c][0] == name[0] && strlen(class_names[c]) == len &&
        memcmp(class_names[c], name, len) == 0)
      return (int)(LEX_TITLE + c);
  return -1;
}

/* the name of a type or class, NULL for user labels and the rest */
const char *lexicon_class_name(unsigned cls) {
  if (cls < ANNOT_TYPE_COUNT) return type_names[cls];
  if (cls >= LEX_TITLE && cls < LEX_CLASS_END) return class_names[cls - LEX_TITLE];
  return NULL;
}

/* }====================================================== */


/* {======================================================
** Matching
** ======================================================= */

/* a key token's case rule 'casing' holds for a token of 'flags' */
static int casing_holds(unsigned casing, unsigned flags) {
  if (casing == CASE_CAP) return (flags & (ANNOT_TF_CAP | ANNOT_TF_ALLCAPS)) != 0;
  if (casing == CASE_EXACT) return (flags & ANNOT_TF_ALLCAPS) != 0;
  return 1;
}

/* token 'k' of entry key 'kt' fits token 't' of 'd': same hash, same
** normalised form, and the entry's case rule holds */
static int token_fits(const key_token *kt, const annot_doc *d, uint32_t t) {
  if (kt->hash != d->tok_hash[t]) return 0;
  if (!casing_holds(kt->casing, d->tok_flags[t])) return 0;
  /* the normalised form of ASCII is its lower case: compare in place */
  const unsigned char *raw = (const unsigned char *)d->text + d->tok_start[t];
  size_t rawlen = d->tok_end[t] - d->tok_start[t], j = 0;
  /* a word of 8 bytes or fewer with 8 bytes of text to read: one load,
  ** the bytes past the word masked off, compared with the key's head
  ** (non-ASCII bytes take the byte loop below) */
  if (rawlen == kt->len && rawlen <= 8 && d->len - d->tok_start[t] >= 8) {
    uint64_t x = swar_keep(swar_load(raw, 8), rawlen);
    if (!(x & SWAR_HIGHS)) return swar_fold(x) == kt->head;
  }
  if (rawlen == kt->len) {
    const unsigned char *norm = (const unsigned char *)kt->norm;
    for (; j < rawlen && raw[j] < 0x80; j++) {
      unsigned c = raw[j];
      if (c - 'A' < 26u) c += 'a' - 'A';
      if (c != norm[j]) return 0;
    }
    if (j == rawlen) return 1;
  }
  /* other text: normalise it (curly quotes, non-ASCII capitals) */
  char buf[MAX_TOKEN_NORM + 1];
  size_t n = annot_norm(d->text + d->tok_start[t],
                        d->tok_end[t] - d->tok_start[t], buf, sizeof buf);
  return n == kt->len && memcmp(buf, kt->norm, n) == 0;
}

/* token_fits for token 't' of 'd' and the first one-token entry of
** slot 'fs', from what the slot holds: 1 or 0, or -1 when only the
** entry's key can tell (a long word, non-ASCII text, the end of the
** text, a token hashed 0 or 1, which share a key) */
static int head1_fits(const first_slot *fs, const annot_doc *d, uint32_t t) {
  uint32_t start = d->tok_start[t], rawlen = d->tok_end[t] - start;
  if (rawlen != HEAD1_LEN(fs->head1_info) || rawlen > 8 ||
      d->tok_hash[t] <= 1 || d->len - start < 8)
    return -1;
  uint64_t x = swar_keep(swar_load(d->text + start, 8), rawlen);
  if (x & SWAR_HIGHS) return -1;
  return casing_holds(HEAD1_CASING(fs->head1_info), d->tok_flags[t]) &&
         swar_fold(x) == fs->head1_head;
}

/* The filter over every token of 'd' (see lexicon_filter.h).  The
** 'first' slot of each token that passes is fetched into the cache as a
** hint: by the time lexicon_match needs it, its miss is paid. */
size_t lexicon_filter_doc(const lexicon *lx, const annot_doc *d,
                          uint32_t from, uint32_t to, uint16_t *out,
                          uint16_t mark) {
  if (d == NULL || out == NULL) return 0;
  if (to > d->ntok) to = d->ntok;
  if (from >= to) return 0;
  if (lx == NULL || lx->firstcap == 0) {
    memset(out + from, 0, (size_t)(to - from) * sizeof *out);
    return 0;
  }
  size_t marked = 0;
  uint32_t mask = lx->firstcap - 1;
  for (uint32_t i = from; i < to; i++) {
    uint32_t hash = d->tok_hash[i];
    int yes = (d->tok_flags[i] & (ANNOT_TF_CAP | ANNOT_TF_ALLCAPS))
                ? filter_has(lx->allfilter, lx->allmask, hash)
                : filter_has(lx->anyfilter, lx->anymask, hash);
    out[i] = yes ? mark : 0;
    if (!yes) continue;
    marked++;
#if defined(__GNUC__)
    __builtin_prefetch(&lx->first[home_slot(first_key(hash), mask)]);
#endif
  }
  return marked;
}

/* Where match_at writes what it finds: entries ('entries' not NULL) or
** hits, the first 'max' of them. */
typedef struct match_out {
  const lex_entry **entries;
  lex_hit *hits;
  size_t max, found;   /* 'found' goes on past 'max', so callers can tell
                          the answer was cut */
} match_out;

/* hand out entry 'id' (of class 'cls' and 'ntok' tokens) */
static void put_match(const lexicon *lx, match_out *o, uint32_t id,
                      unsigned cls, unsigned ntok) {
  if (o->found < o->max) {
    if (o->entries != NULL) {
      o->entries[o->found] = &VEC_AT(lx->entries, entry, id).pub;
    } else {
      o->hits[o->found].id = id;
      o->hits[o->found].cls = (uint16_t)cls;
      o->hits[o->found].ntok = (uint8_t)ntok;
    }
  }
  o->found++;
}

/* the look-up behind lexicon_match and the others (below) */
static void match_at(const lexicon *lx, const annot_doc *d, uint32_t i,
                     match_out *o);

/* The entries that start at token 'i' of 'd' (see lexicon.h).  A miss
** (most tokens) is one probe of 'first'; a hit tries each length that
** entries starting with that token have, longest first, looks the
** sequence up in 'seq' and checks each entry of the chain against the
** text.  No allocation: the prefix hashes live on the stack. */
size_t lexicon_match(const lexicon *lx, const annot_doc *d, uint32_t i,
                     const lex_entry **out, size_t max) {
  if (lx == NULL || d == NULL || i >= d->ntok || lx->firstcap == 0) return 0;
  /* the filter first: a lower-case token can only start an entry whose
  ** first token matches in any case */
  uint32_t hash = d->tok_hash[i];
  if (d->tok_flags[i] & (ANNOT_TF_CAP | ANNOT_TF_ALLCAPS)) {
    if (!filter_has(lx->allfilter, lx->allmask, hash)) return 0;
  } else if (!filter_has(lx->anyfilter, lx->anymask, hash)) {
    return 0;
  }
  match_out o = {out, NULL, max, 0};
  match_at(lx, d, i, &o);
  return o.found;
}

/* lexicon_match at a token the filter has passed already (see
** lexicon_filter.h): the same entries, without asking the filter twice */
size_t lexicon_match_marked(const lexicon *lx, const annot_doc *d,
                            uint32_t i, const lex_entry **out, size_t max) {
  if (lx == NULL || d == NULL || i >= d->ntok || lx->firstcap == 0) return 0;
  match_out o = {out, NULL, max, 0};
  match_at(lx, d, i, &o);
  return o.found;
}

/* lexicon_match_marked, handing out hits (see lexicon_filter.h) */
size_t lexicon_match_hits(const lexicon *lx, const annot_doc *d, uint32_t i,
                          lex_hit *out, size_t max) {
  if (lx == NULL || d == NULL || i >= d->ntok || lx->firstcap == 0) return 0;
  match_out o = {NULL, out, max, 0};
  match_at(lx, d, i, &o);
  return o.found;
}

/* The body of lexicon_match, once the filter has said yes at token 'i'
** (which lies inside the doc, and the lexicon has a 'first' table). */
static void match_at(const lexicon *lx, const annot_doc *d, uint32_t i,
                     match_out *o) {
  uint32_t hash = d->tok_hash[i];
  const first_slot *fs = find_first(lx, hash);
  if (fs == NULL) return;   /* the common case: no entry starts here */
  uint32_t left = d->ntok - i;
  uint32_t maxlen = slot_maxlen(fs);
  if (maxlen > left) maxlen = left;
  /* entries of several tokens only when the next token may be a second */
  if (maxlen < 2 || lx->seqcap == 0 ||
      !(fs->second & second_bit(d->tok_hash[i + 1])))
    maxlen = 1;
  /* the folded hashes of the prefixes of the text from 'i': each length
  ** tried below reuses them instead of hashing its tokens again */
  uint32_t prefix[MAX_ENTRY_TOKENS + 1];
  prefix[0] = 0;
  for (uint32_t n = 1; n <= maxlen; n++)
    prefix[n] = seq_step(prefix[n - 1], d->tok_hash[i + n - 1]);
  for (uint32_t n = maxlen; n >= 2; n--) {   /* longest first */
    if (!(fs->lengths & length_bit(n))) continue;   /* no entry this long */
    uint32_t h = seq_final(prefix[n], n);
    const seq_slot *slot = find_seq(lx, h);
    if (slot->head == 0) continue;   /* no entry of this length here */
    for (uint32_t e = slot->head - 1; e != NO_ENTRY;
         e = VEC_AT(lx->entries, entry, e).next) {
      const entry *en = &VEC_AT(lx->entries, entry, e);
      if (en->pub.ntok != n) continue;   /* a hash collision across lengths */
      const key_token *kt = &VEC_AT(lx->keys, key_token, en->key);
      uint32_t k = 0;
      while (k < n && token_fits(&kt[k], d, i + k)) k++;
      if (k < n) continue;
      put_match(lx, o, e, en->pub.cls, n);
    }
  }
  /* then the one-token entries, chained in the 'first' slot itself: the
  ** first one from what the slot holds, when it can tell */
  if (fs->head1 == 0) return;
  uint32_t e = fs->head1 - 1;
  int fits = head1_fits(fs, d, i);
  if (fits >= 0) {
    if (fits) put_match(lx, o, e, fs->head1_cls, 1);
    if (!(fs->head1_info & HEAD1_MORE)) return;
    e = VEC_AT(lx->entries, entry, e).next;
  }
  for (; e != NO_ENTRY; e = VEC_AT(lx->entries, entry, e).next) {
    const entry *en = &VEC_AT(lx->entries, entry, e);
    if (token_fits(&VEC_AT(lx->keys, key_token, en->key), d, i))
      put_match(lx, o, e, en->pub.cls, 1);
  }
}

/* }====================================================== */


/* {======================================================
** Entries by number (see lexicon_filter.h): their index in 'entries'
** ======================================================= */

const lex_entry *lexicon_entry(const lexicon *lx, uint32_t id) {
  return &VEC_AT(lx->entries, entry, id).pub;
}

/* }====================================================== */


/* {======================================================
** Surnames
** ======================================================= */

/* The person entry whose last token is 'tokhash', if every entry with
** that surname names the same person (see lexicon_filter.h): one probe
** of the surname table that add_entry fills.  Common
** surnames shared by two people of the lexicon give NULL: a label
** 'MR. LEE:' says nothing about which Lee it is. */
const lex_entry *lexicon_person_by_surname(const lexicon *lx,
                                           uint32_t tokhash) {
  if (lx == NULL || lx->surncap == 0) return NULL;
  const lex_entry *found = NULL;
  const key_token *flast = NULL;
  uint32_t mask = lx->surncap - 1;
  for (uint32_t s = home_slot(tokhash, mask); lx->surn_entry[s];
       s = (s + 1) & mask) {
    if (lx->surn_hash[s] != tokhash) continue;
    const entry *e = &VEC_AT(lx->entries, entry, lx->surn_entry[s] - 1);
    const key_token *last =
      &VEC_AT(lx->keys, key_token, e->key + e->pub.ntok - 1);
    if (found == NULL) {
      found = &e->pub;
      flast = last;
      continue;
    }
    /* two words may share a hash: only the first one's surname counts */
    if (flast->len != last->len ||
        memcmp(flast->norm, last->norm, last->len) != 0)
      continue;
    if (strcmp(found->canonical, e->pub.canonical) != 0) return NULL;
  }
  return found;
}

/* }====================================================== */
