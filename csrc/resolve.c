/*
** resolve.c: the resolve stage.  Groups the mentions of d->mentions into
** entities (d->entities) and gives every mention of one entity the same
** canonical name and entity index:
**   - mentions with the same type and the same key are one entity, where
**     the key is the lexicon's canonical name when there is one ('Anthony
**     Blinken' and 'Antony Blinken') and the text otherwise, compared
**     without case ('BLINKEN' in a transcript label is 'Blinken');
**   - a surname alone is the person last named in full with it ('Scholz'
**     after 'Olaf Scholz'; before any full name, the one named later);
**   - an acronym the doc defines ('... in Europe (OSCE)') is its long form;
**   - a place alone is the longer form 'Place, Region' of the same doc;
**   - a body named after its country ('Ukraine's Foreign Ministry', 'the
**     Russian Foreign Ministry') is that country's: its canonical name
**     puts the country first ('Ukraine Foreign Ministry', 'Russian
**     Foreign Ministry'), and a bare 'Foreign Ministry' later is the
**     nearest such body before it (else the first after it);
**   - a given name alone ('Thanks, Ned.') is the one person of the doc
**     whose name starts with it ('Ned Price').
** The canonical name of an entity is the lexicon's when a mention has one,
** else its longest mention (a pointer into the text, which outlives the
** doc).  Pattern mentions keep their type and get their text as
** canonical; numbers and dates keep no canonical name.
** All grouping is a union-find over mention indices: linear, no
** allocation per mention.
*/
#include <stdlib.h>
#include <string.h>

#include "pipeline.h"
#include "swar.h"

/* {======================================================
** Helpers
** ======================================================= */

/* types whose mentions carry a canonical name */
static int resolved_type(unsigned t) {
  return t == ANNOT_PERSON || t == ANNOT_ORG || t == ANNOT_GPE ||
         t == ANNOT_LOC || t == ANNOT_NORP || t == ANNOT_FAC ||
         t == ANNOT_EVENT;
}

/* ASCII lower case of one byte */
static unsigned char fold(unsigned char ch) {
  return ch >= 'A' && ch <= 'Z' ? (unsigned char)(ch + 32) : ch;
}

/* Hash of a string without case, eight bytes at a time: each byte
** gets its 0x20 bit set, which folds ASCII capitals to lower case (and
** merges a few punctuation pairs, '@' and '`'...: a merge only costs a
** fold_equal, which every equal hash goes through anyway). */
static uint32_t fold_hash(const char *s, size_t n, uint32_t seed) {
  uint64_t h = (seed ^ (uint64_t)n) * 0x9E3779B97F4A7C15ull;
  const uint64_t fold8 = 0x2020202020202020ull;
  size_t k = 0;
  for (; k + 8 <= n; k += 8) {
    uint64_t w;
    memcpy(&w, s + k, 8);
    h = (h ^ (w | fold8)) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  }
  if (k < n) {   /* the last 1-7 bytes as a number, the first one highest */
    uint64_t w;
    size_t r = n - k;
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 8) {
      /* one load of the last 8 bytes, which end the string: in reverse
      ** order the tail is the low r bytes */
      w = __builtin_bswap64(swar_load(s + n - 8, 8));
    } else if (n >= 4) {
      /* the first four bytes, then the last n - 4 of the last four */
      uint64_t head = __builtin_bswap32((uint32_t)swar_load(s, 4));
      uint64_t tail = __builtin_bswap32((uint32_t)swar_load(s + n - 4, 4));
      w = (head << (8 * (n - 4))) | (tail & (((uint64_t)1 << (8 * (n - 4))) - 1));
    } else {   /* 1-3 bytes: the first, the middle and the last */
      w = ((uint64_t)u[0] << (8 * (n - 1))) |
          ((uint64_t)u[n / 2] << (8 * (n - 1 - n / 2))) | u[n - 1];
    }
    w = (w | fold8) & (((uint64_t)1 << (8 * r)) - 1);
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  }
  return (uint32_t)(h ^ (h >> 29));
}

/* two strings are equal without case */
static int fold_equal(const char *a, size_t an, const char *b, size_t bn) {
  if (an != bn) return 0;
  for (size_t k = 0; k < an; k++)
    if (fold((unsigned char)a[k]) != fold((unsigned char)b[k])) return 0;
  return 1;
}

/* union-find with path halving */
static uint32_t find(uint32_t *parent, uint32_t x) {
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

/* join two sets, the earlier mention becoming the root */
static void unite(uint32_t *parent, uint32_t a, uint32_t b) {
  a = find(parent, a);
  b = find(parent, b);
  if (a == b) return;
  if (a < b) parent[b] = a;
  else parent[a] = b;
}

/* a hash map from a 32-bit key to a mention index, open addressing;
** a key and its value side by side, so a probe reads one cache line */
typedef struct islot {
  uint32_t key, val;   /* val: index + 1, 0 = empty */
} islot;

typedef struct imap {
  islot *slots;
  uint32_t mask;
} imap;

/* the slot of 'key' (empty or holding it) */
static islot *imap_slot(const imap *m, uint32_t key) {
  uint32_t s = (key ^ (key >> 16)) & m->mask;
  while (m->slots[s].val && m->slots[s].key != key) s = (s + 1) & m->mask;
  return &m->slots[s];
}

/* the slots for 'count' keys, at most half full */
static uint32_t imap_size(uint32_t count) {
  uint32_t size = 16;
  while (size < 2 * (uint64_t)count && size < (1u << 31)) size *= 2;
  return size;
}

/* }====================================================== */


/* {======================================================
** The stage
** ======================================================= */

/* What the rules after grouping by key need of a person or a place,
** noted in the pass over all mentions: they read no mention and no
** token again, which on a long doc would be a cache miss each. */
typedef struct picked {
  uint32_t mention;
  uint32_t first, last;   /* hashes of its first and last tokens */
  uint32_t given;         /* persons: hash of its key's first word */
  unsigned flags;         /* PK_* */
} picked;

enum {
  PK_FULL = 1,        /* a person named in full: two tokens or more */
  PK_LEXICON = 2,     /* a person with a canonical name */
  PK_MULTIWORD = 4,   /* a person whose key has two words or more */
  PK_GIVEN = 8,       /* a one-word person a given name may name */
  PK_REGION = 16,     /* a place as 'Place, Region' */
  PK_SINGLE = 32      /* a place of one token */
};

typedef struct res_ctx {
  annot_doc *d;
  annot_mention *m;
  uint32_t n;
  uint32_t *parent;
  uint32_t *best;    /* per entity: the mention with its best name */
  /* The persons (from the start, in order) and the places (from the
  ** end, in reverse order) that the later rules look at. */
  picked *picks;
  uint32_t npersons, nplaces;
  /* Key hash -> first mention with that key.  Its slots serve each rule
  ** after in turn, as a map no larger (each has n keys at most). */
  imap keys;
} res_ctx;

/* the person 'k' of r->picks, in order */
#define PERSON_AT(r, k) (&(r)->picks[(k)])
/* the place 'k' of r->picks, in order */
#define PLACE_AT(r, k) (&(r)->picks[(r)->n - 1 - (k)])

/* An empty map for 'count' keys in the slots of 'keys', free again once
** grouping by key is done. */
static imap reuse_map(res_ctx *r, uint32_t count) {
  imap m;
  uint32_t size = imap_size(count);   /* count <= n: within 'keys' */
  m.slots = r->keys.slots;
  m.mask = size - 1;
  memset(m.slots, 0, size * sizeof *m.slots);
  return m;
}

/* the key of mention 'i': its lexicon canonical or its text */
static const char *key_of(const res_ctx *r, uint32_t i, size_t *len) {
  const annot_mention *m = &r->m[i];
  if (m->canonical != NULL && m->source != ANNOT_SRC_PATTERN) {
    *len = m->canonical_len;
    return m->canonical;
  }
  *len = m->end - m->start;
  return r->d->text + m->start;
}

/* Mentions with the same type and key are one entity.  'keys' maps a key
** hash to the first mention with that hash; on a hash collision between
** different keys the probe goes on to the next slot, so every distinct
** key gets its own slot and equal keys always meet. */
static void group_by_key(res_ctx *r, uint32_t i, const char *k, size_t len) {
  uint32_t h = fold_hash(k, len, r->m[i].type * 0x9e3779b9u);
  /* probe for an equal key among the mentions with this hash */
  uint32_t s = (h ^ (h >> 16)) & r->keys.mask;
  for (;;) {
    islot *slot = &r->keys.slots[s];
    if (slot->val == 0) {
      slot->key = h;
      slot->val = i + 1;
      return;
    }
    if (slot->key == h) {
      uint32_t o = slot->val - 1;
      size_t olen;
      const char *ok = key_of(r, o, &olen);
      /* lexicon names share their canonical string: compare pointers
      ** first */
      if (r->m[o].type == r->m[i].type &&
          ((k == ok && len == olen) || fold_equal(k, len, ok, olen))) {
        unite(r->parent, o, i);
        return;
      }
    }
    s = (s + 1) & r->keys.mask;
  }
}

/* 'Long Name (LN)': an acronym right after the name it stands for, in
** brackets, joins it (the mentions 'i' - 1 and 'i').  An acronym the
** lexicon knows keeps its own entity (the long form usually shares its
** canonical anyway). */
static void group_acronym(res_ctx *r, uint32_t i) {
  const annot_doc *d = r->d;
  const annot_mention *m = &r->m[i - 1], *a = &r->m[i];
  uint32_t t = m->tok_end;
  /* the mentions first, the tokens (far apart on a long doc) last */
  if (a->tok_begin == t + 1 && a->tok_end == t + 2 && a->type == m->type &&
      a->source != ANNOT_SRC_LEXICON && resolved_type(m->type) &&
      m->type != ANNOT_PERSON && t + 2 < d->ntok &&
      d->text[d->tok_start[t]] == '(' && d->text[d->tok_start[t + 2]] == ')' &&
      (d->tok_flags[a->tok_begin] & ANNOT_TF_ALLCAPS))
    unite(r->parent, i - 1, i);
}

/* the first word of a key: up to its first space (all of it if none) */
static size_t first_word(const char *k, size_t len) {
  const char *sp = memchr(k, ' ', len);
  return sp ? (size_t)(sp - k) : len;
}

/* note what the later rules need of the person 'i' with key 'k' */
static void pick_person(res_ctx *r, picked *p, uint32_t i, const char *k,
                        size_t len) {
  const annot_doc *d = r->d;
  const annot_mention *m = &r->m[i];
  p->mention = i;
  p->first = d->tok_hash[m->tok_begin];
  p->last = d->tok_hash[m->tok_end - 1];
  p->flags = 0;
  if (m->tok_end - m->tok_begin >= 2) p->flags |= PK_FULL;
  if (m->canonical != NULL) p->flags |= PK_LEXICON;
  size_t w = first_word(k, len);
  if (w < len) p->flags |= PK_MULTIWORD;
  /* a one-word name the rules found ('Ned'; one token with a space in it
  ** could never equal a first word) */
  else if (m->canonical == NULL && m->source == ANNOT_SRC_RULE &&
           m->tok_end - m->tok_begin == 1)
    p->flags |= PK_GIVEN;
  p->given = p->flags & (PK_MULTIWORD | PK_GIVEN) ? fold_hash(k, w, 0x51u) : 0;
}

/* Note the place 'i' when a later rule looks at it: 'Place, Region' and
** the place alone.  Only names without a lexicon canonical: the lexicon
** has already said which place a known name is. */
static uint32_t pick_place(res_ctx *r, picked *p, uint32_t i) {
  const annot_doc *d = r->d;
  const annot_mention *m = &r->m[i];
  if (m->canonical != NULL) return 0;
  p->flags = 0;
  if (m->tok_end - m->tok_begin == 1) {
    p->flags = PK_SINGLE;
  } else if (m->tok_end - m->tok_begin >= 3) {
    uint32_t c = m->tok_begin + 1;
    if (d->tok_end[c] - d->tok_start[c] == 1 && d->text[d->tok_start[c]] == ',')
      p->flags = PK_REGION;
  }
  if (p->flags == 0) return 0;
  p->mention = i;
  p->first = d->tok_hash[m->tok_begin];
  return 1;
}

#define PREFETCH_FROM 2048   /* mentions: a doc of some 80 KB */
#define PREFETCH_AHEAD 16    /* mentions */

/* The pass over all mentions: each starts a set of its own, joins its
** key's and its long form's, and is picked for the rules after when
** they look at it.  On a long doc the text and the tokens of a mention
** are no longer in cache, and the mentions are too sparse for the
** hardware to fetch them ahead: asked for a few mentions early, the pass
** is twice as fast there. */
static void group_all(res_ctx *r) {
  const annot_doc *d = r->d;
  uint32_t n = r->n, npersons = 0, nplaces = 0;
  uint32_t prefetch_end = n >= PREFETCH_FROM ? n - PREFETCH_AHEAD : 0;
  for (uint32_t i = 0; i < n; i++) {
    const annot_mention *m = &r->m[i];
    if (i < prefetch_end) {
      const annot_mention *ahead = &r->m[i + PREFETCH_AHEAD];
      __builtin_prefetch(d->text + ahead->start);
      __builtin_prefetch(&d->tok_hash[ahead->tok_begin]);
    }
    size_t len;
    const char *k = key_of(r, i, &len);
    r->parent[i] = i;
    group_by_key(r, i, k, len);
    if (i > 0) group_acronym(r, i);
    if (m->type == ANNOT_PERSON && m->source != ANNOT_SRC_PATTERN)
      pick_person(r, &r->picks[npersons++], i, k, len);
    else if (m->type == ANNOT_GPE || m->type == ANNOT_LOC)
      nplaces += pick_place(r, &r->picks[n - 1 - nplaces], i);
  }
  r->npersons = npersons;
  r->nplaces = nplaces;
}

/* link a surname alone 'p' to the full name 'f' when that is right: a
** surname with its own lexicon name joins only a full name without one */
static void link_surname(res_ctx *r, const picked *p, const picked *f) {
  if ((p->flags & f->flags & PK_LEXICON) == 0)
    unite(r->parent, f->mention, p->mention);
}

/* 'Scholz' after (or, failing that, before) 'Olaf Scholz'.  The map
** holds, for each last-word hash, the latest full name seen so far, so a
** surname goes to the nearest full name before it (two Bidens in one
** story: each surname to the one named last); the second loop sees the
** map complete and gives the surnames that came first the last full
** name of the doc. */
static void group_surnames(res_ctx *r) {
  imap surnames = reuse_map(r, r->npersons);   /* values: person + 1 */
  /* in order: a surname goes to the latest full name before it */
  for (uint32_t k = 0; k < r->npersons; k++) {
    const picked *p = PERSON_AT(r, k);
    islot *s = imap_slot(&surnames, p->last);
    if (p->flags & PK_FULL) {
      s->key = p->last;
      s->val = k + 1;
    } else if (s->val) {
      link_surname(r, p, PERSON_AT(r, s->val - 1));
    }
  }
  /* surnames before any full name: the last full name of the doc */
  for (uint32_t k = 0; k < r->npersons; k++) {
    const picked *p = PERSON_AT(r, k);
    if (p->flags & PK_FULL) continue;
    const islot *s = imap_slot(&surnames, p->first);
    if (s->val && s->val - 1 > k) link_surname(r, p, PERSON_AT(r, s->val - 1));
  }
}

/* 'Washington' with 'Washington, D.C.' (the last such form of the doc
** with that first word). */
static void group_places(res_ctx *r) {
  imap places = reuse_map(r, r->nplaces);
  for (uint32_t k = 0; k < r->nplaces; k++) {
    const picked *p = PLACE_AT(r, k);
    if (p->flags & PK_REGION) {
      islot *s = imap_slot(&places, p->first);
      s->key = p->first;
      s->val = p->mention + 1;
    }
  }
  for (uint32_t k = 0; k < r->nplaces; k++) {
    const picked *p = PLACE_AT(r, k);
    if (p->flags & PK_SINGLE) {
      const islot *s = imap_slot(&places, p->first);
      if (s->val) unite(r->parent, s->val - 1, p->mention);
    }
  }
}

/* {------------------------------------------------------
** Bodies of a country
** ------------------------------------------------------- */

#define MAX_QUALIFIED 64   /* country bodies remembered per doc */

/* an organisation named by a head word at its end or its start, as
** government bodies are ('Foreign Ministry', 'Ministry of Defence'), from the word classes the
** entity stage left per token; a lexicon name that says its country
** ('... of Ukraine') ends with no head word */
static int body_name(const res_ctx *r, const annot_mention *m) {
  const annot_doc *d = r->d;
  if (m->type != ANNOT_ORG || m->source == ANNOT_SRC_PATTERN ||
      d->tok_lex == NULL || m->tok_end <= m->tok_begin)
    return 0;
  /* 'Foreign Ministry', or 'Ministry of Foreign Affairs' */
  return ((d->tok_lex[m->tok_end - 1] | d->tok_lex[m->tok_begin]) &
          LEX_BIT(LEX_ORGHEAD)) != 0;
}

/* The country that qualifies the body 'i': a nationality right before
** it ('the Russian Foreign Ministry') or a place with a possessive
** ('Ukraine's Foreign Ministry'); the index of that mention, or
** ANNOT_NONE. */
static uint32_t body_country(const res_ctx *r, uint32_t i) {
  const annot_doc *d = r->d;
  const annot_mention *m = &r->m[i];
  if (i == 0 || !body_name(r, m)) return ANNOT_NONE;
  const annot_mention *p = &r->m[i - 1];
  if (p->canonical == NULL) return ANNOT_NONE;
  if (p->type == ANNOT_NORP && p->tok_end == m->tok_begin) return i - 1;
  if (p->type == ANNOT_GPE && p->tok_end + 1 == m->tok_begin &&
      (d->tok_flags[p->tok_end] & ANNOT_TF_CLITIC))
    return i - 1;
  return ANNOT_NONE;
}

/* a body qualified by its country: the mention and its key before */
typedef struct qualified {
  uint32_t mention;
  const char *key;
  size_t len;
} qualified;

/* Name each country's body after its country, and give a bare mention
** of the same body (the same key) the nearest qualified one's name
** (before it, else after it).  Runs before grouping, which then joins
** them by name.  The new names live in the doc's arena. */
static int qualify_bodies(res_ctx *r) {
  annot_doc *d = r->d;
  qualified qual[MAX_QUALIFIED];
  uint32_t nq = 0;
  for (uint32_t i = 1; i < r->n && nq < MAX_QUALIFIED; i++) {
    uint32_t p = body_country(r, i);
    if (p == ANNOT_NONE) continue;
    annot_mention *m = &r->m[i];
    const annot_mention *pm = &r->m[p];
    size_t blen;
    const char *base = key_of(r, i, &blen);
    size_t n = pm->canonical_len + 1 + blen;
    char *name = arena_alloc(&d->arena, n + 1);
    if (name == NULL) return ANNOT_ENOMEM;
    memcpy(name, pm->canonical, pm->canonical_len);
    name[pm->canonical_len] = ' ';
    memcpy(name + pm->canonical_len + 1, base, blen);
    qual[nq].mention = i;
    qual[nq].key = base;
    qual[nq].len = blen;
    nq++;
    m->canonical = name;
    m->canonical_len = (uint32_t)n;
  }
  if (nq == 0) return ANNOT_OK;
  uint32_t next = 0;   /* the first qualified mention after 'i' */
  for (uint32_t i = 0; i < r->n; i++) {
    while (next < nq && qual[next].mention <= i) next++;
    if (next > 0 && qual[next - 1].mention == i) continue;   /* itself */
    if (!body_name(r, &r->m[i])) continue;
    size_t len;
    const char *k = key_of(r, i, &len);
    /* the nearest before, walking back; else the first after */
    uint32_t pick = ANNOT_NONE;
    for (uint32_t q = next; q > 0 && pick == ANNOT_NONE; q--)
      if (fold_equal(k, len, qual[q - 1].key, qual[q - 1].len))
        pick = qual[q - 1].mention;
    for (uint32_t q = next; q < nq && pick == ANNOT_NONE; q++)
      if (fold_equal(k, len, qual[q].key, qual[q].len))
        pick = qual[q].mention;
    if (pick != ANNOT_NONE) {
      r->m[i].canonical = r->m[pick].canonical;
      r->m[i].canonical_len = r->m[pick].canonical_len;
    }
  }
  return ANNOT_OK;
}

/* }------------------------------------------------------ */

/* 'Thanks, Ned.' with 'Ned Price' in the doc (in full, or as the
** lexicon's name of 'MR. PRICE:'): a one-word person the rules found,
** still in a group of one-word mentions, joins the one person of the doc
** whose name starts with that word.  'given' maps the hash of a first
** name to the full-name mention (ANNOT_NONE when two people share it). */
static void group_given_names(res_ctx *r) {
  imap given = reuse_map(r, r->npersons);   /* values: person + 1 */
  imap *g = &given;
  int any = 0;
  for (uint32_t k = 0; k < r->npersons; k++) {
    const picked *p = PERSON_AT(r, k);
    if (!(p->flags & PK_MULTIWORD)) continue;   /* one word: no full name */
    islot *s = imap_slot(g, p->given);
    if (s->val == 0) {
      s->key = p->given;
      s->val = k + 1;
      any = 1;
    } else if (s->val != ANNOT_NONE &&
               find(r->parent, PERSON_AT(r, s->val - 1)->mention) !=
                   find(r->parent, p->mention)) {
      s->val = ANNOT_NONE;   /* two people with this first name */
    }
  }
  if (!any) return;
  for (uint32_t k = 0; k < r->npersons; k++) {
    const picked *p = PERSON_AT(r, k);
    if (!(p->flags & PK_GIVEN)) continue;
    /* its group has a full name already (a surname, linked) */
    uint32_t i = p->mention;
    uint32_t root = find(r->parent, i);
    if (r->m[root].tok_end - r->m[root].tok_begin != 1 ||
        r->m[root].canonical != NULL)
      continue;
    const islot *s = imap_slot(g, p->given);
    if (s->val == 0 || s->val == ANNOT_NONE) continue;
    uint32_t f = PERSON_AT(r, s->val - 1)->mention;
    const annot_mention *m = &r->m[i];
    const char *t = r->d->text + m->start;
    size_t tl = m->end - m->start;
    size_t flen;
    const char *fk = key_of(r, f, &flen);
    if (fold_equal(t, tl, fk, first_word(fk, flen)))
      unite(r->parent, f, i);
  }
}

/* Give each group an entity and each mention its canonical name.  The
** root of a group is its first mention (unite keeps the smaller index as
** root), so entities are made in order of first mention, and a later
** mention finds its entity through its root, which has one already. */
static int make_entities(res_ctx *r) {
  annot_doc *d = r->d;
  if (vec_reserve(&d->entities, sizeof(annot_entity), r->n) != ANNOT_OK)
    return ANNOT_ENOMEM;
  annot_entity *ents = d->entities.data;
  uint32_t nent = 0;
  /* the mention with the best name of each entity: the first lexicon
  ** canonical, else the longest text */
  uint32_t *best = r->best;
  /* Every parent is an earlier mention, so in order the parent of a
  ** mention already points at its root: one step finds it. */
  for (uint32_t i = 0; i < r->n; i++) {
    uint32_t root = r->parent[r->parent[i]];
    r->parent[i] = root;
    annot_mention *m = &r->m[i];
    if (root == i) {
      annot_entity *e = &ents[nent];
      memset(e, 0, sizeof *e);
      e->first_mention = i;
      e->type = m->type;
      e->mention_count = 1;
      best[nent] = i;
      m->entity = nent++;
      continue;
    }
    uint32_t id = r->m[root].entity;
    m->entity = id;
    ents[id].mention_count++;
    const annot_mention *bm = &r->m[best[id]];
    int mlex = m->canonical != NULL && m->source != ANNOT_SRC_PATTERN;
    int blex = bm->canonical != NULL && bm->source != ANNOT_SRC_PATTERN;
    if (blex) continue;
    if (mlex || m->end - m->start > bm->end - bm->start) best[id] = i;
  }
  d->entities.n = nent;
  for (uint32_t id = 0; id < nent; id++) {
    const annot_mention *bm = &r->m[best[id]];
    if (bm->canonical != NULL && bm->source != ANNOT_SRC_PATTERN) {
      ents[id].canonical = bm->canonical;
      ents[id].canonical_len = bm->canonical_len;
    } else {
      ents[id].canonical = d->text + bm->start;
      ents[id].canonical_len = bm->end - bm->start;
    }
  }
  for (uint32_t i = 0; i < r->n; i++) {
    annot_mention *m = &r->m[i];
    const annot_entity *e = &ents[m->entity];
    if (resolved_type(m->type) || m->type >= ANNOT_TYPE_COUNT ||
        m->source == ANNOT_SRC_PATTERN) {
      m->canonical = e->canonical;
      m->canonical_len = e->canonical_len;
    } else {
      m->canonical = NULL;   /* numbers and dates have no canonical name */
      m->canonical_len = 0;
    }
  }
  return ANNOT_OK;
}

/* The stage: one block for the parent array, the best names, the key
** map (whose slots the smaller maps reuse) and the picked mentions,
** freed before returning.  Should it fail, no mention has an entity. */
int stage_resolve(annot_doc *d, annot_error *err) {
  (void)err;
  res_ctx r;
  memset(&r, 0, sizeof r);
  r.d = d;
  r.n = d->mentions.n;
  r.m = d->mentions.data;
  d->entities.n = 0;
  if (r.n == 0) return ANNOT_OK;
  uint32_t size = imap_size(r.n);
  /* only the map is zeroed: on a long doc the rest is touched only
  ** where used */
  uint32_t *block = malloc(2 * (size_t)r.n * sizeof *block +
                           (size_t)size * sizeof(islot) +
                           (size_t)r.n * sizeof(picked));
  int rc = ANNOT_ENOMEM;
  if (block != NULL) {
    r.parent = block;
    r.best = block + r.n;
    r.keys.slots = (islot *)(block + 2 * (size_t)r.n);
    r.keys.mask = size - 1;
    memset(r.keys.slots, 0, (size_t)size * sizeof(islot));
    r.picks = (picked *)(r.keys.slots + size);
    rc = qualify_bodies(&r);
    if (rc == ANNOT_OK) {
      group_all(&r);
      if (r.npersons > 0) group_surnames(&r);
      if (r.nplaces > 0) group_places(&r);
      if (r.npersons > 0) group_given_names(&r);
      rc = make_entities(&r);
    }
  }
  free(block);
  if (rc != ANNOT_OK)
    for (uint32_t i = 0; i < r.n; i++) r.m[i].entity = ANNOT_NONE;
  return rc;
}

/* }====================================================== */
