/*
** annot.h: the public C API of annot.
**
** A pipeline holds everything that is built once (the lexicon, user
** patterns, options); once built it is immutable, so any number of threads
** may annotate with one pipeline at the same time.  A doc is the result of
** annotating one text: it owns all of its layers (tokens, sentences,
** paragraphs, entity mentions, entities, quotes) and frees them in one call.
** The text itself is never copied: the caller keeps it alive (and unchanged)
** for as long as the doc is used.
**
** Offsets are 0-based, half-open byte offsets into the UTF-8 input.
** Token ranges ('tok_begin', 'tok_end') are half-open token indices.
** Functions that can fail take an 'annot_error *' (which may be NULL) and
** report through it; there is no global error state.
*/
#ifndef ANNOT_H
#define ANNOT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ANNOT_VERSION "0.1.0"

/* {======================================================
** Errors
** ======================================================= */

typedef enum annot_status {
  ANNOT_OK = 0,
  ANNOT_ENOMEM,     /* out of memory */
  ANNOT_EINVAL,     /* bad argument or option */
  ANNOT_EPATTERN,   /* a user pattern failed to compile or to run */
  ANNOT_ELEXICON,   /* a lexicon entry or file is malformed */
  ANNOT_EIO,        /* a file could not be read */
  ANNOT_ETOOBIG     /* input larger than 4 GiB - 1 byte */
} annot_status;

typedef struct annot_error {
  annot_status code;
  size_t offset;        /* where it went wrong (pattern offset, line...) */
  char message[256];    /* human readable, names what failed */
} annot_error;

/* }====================================================== */


/* {======================================================
** Layers
** ======================================================= */

/* token kinds: 'annot_token_kind_name' gives their names */
typedef enum annot_token_kind {
  ANNOT_TOK_WORD = 0,   /* letters, with inner apostrophes/periods (U.S.) */
  ANNOT_TOK_NUMBER,     /* 100,000  3.5  1990s  10:30  1.2bn */
  ANNOT_TOK_PUNCT,      /* . , ; : ! ? and other punctuation */
  ANNOT_TOK_QUOTE,      /* any quotation mark: " “ ” ‘ ’ « » „ ' */
  ANNOT_TOK_DASH,       /* em dash, en dash, a free-standing hyphen */
  ANNOT_TOK_HYPHEN,     /* a hyphen joining two words: pro-Russian */
  ANNOT_TOK_ELLIPSIS,   /* … or ... */
  ANNOT_TOK_BRACKET,    /* ( ) [ ] { } */
  ANNOT_TOK_SYMBOL,     /* $ % & + = and other symbols */
  ANNOT_TOK_URL,
  ANNOT_TOK_EMAIL,
  ANNOT_TOK_HANDLE,     /* @name */
  ANNOT_TOK_HASHTAG,    /* #name */
  ANNOT_TOK_INVALID,    /* one byte that is not valid UTF-8 */
  ANNOT_TOK_KIND_COUNT
} annot_token_kind;

/* token flags (shape and layout) */
#define ANNOT_TF_CAP        0x0001u  /* first letter is upper case */
#define ANNOT_TF_ALLCAPS    0x0002u  /* every letter upper case, >= 1 letter */
#define ANNOT_TF_DIGIT      0x0004u  /* contains a digit */
#define ANNOT_TF_ALPHA      0x0008u  /* contains a letter */
#define ANNOT_TF_ABBREV     0x0010u  /* abbreviation or initial: U.S. Mr. J. */
#define ANNOT_TF_CLITIC     0x0020u  /* 's  n't  're  've  'll  'd  'm  s' */
#define ANNOT_TF_SPACE      0x0040u  /* whitespace right before this token */
#define ANNOT_TF_NEWLINE    0x0080u  /* a line break right before this token */
#define ANNOT_TF_SENT_START 0x0100u  /* first token of a sentence */
#define ANNOT_TF_PARA_START 0x0200u  /* first token of a paragraph */
#define ANNOT_TF_OPEN       0x0400u  /* quote mark that opens (by form/context) */
#define ANNOT_TF_CLOSE      0x0800u  /* quote mark that closes (by form/context) */
#define ANNOT_TF_NONASCII   0x1000u  /* contains a byte >= 0x80 */

typedef struct annot_token {
  uint32_t start, end;
  uint16_t flags;
  uint8_t kind;                /* annot_token_kind */
} annot_token;

/* a sentence or a paragraph */
typedef struct annot_span {
  uint32_t start, end;         /* bytes */
  uint32_t tok_begin, tok_end; /* tokens */
} annot_span;

/* built-in entity types; user pattern labels get types from
** ANNOT_TYPE_COUNT on, named by 'annot_type_name' */
typedef enum annot_type {
  ANNOT_PERSON = 0, ANNOT_ORG, ANNOT_GPE, ANNOT_LOC, ANNOT_NORP, ANNOT_FAC,
  ANNOT_EVENT, ANNOT_DATE, ANNOT_TIME, ANNOT_CARDINAL, ANNOT_QUANTITY,
  ANNOT_MONEY, ANNOT_PERCENT, ANNOT_ORDINAL,
  ANNOT_TYPE_COUNT
} annot_type;

/* where a mention came from */
typedef enum annot_source {
  ANNOT_SRC_LEXICON = 0,  /* a lexicon entry (default or user) */
  ANNOT_SRC_RULE,         /* a built-in rule (capitalised span, numbers) */
  ANNOT_SRC_PATTERN       /* a user PCRE2 pattern */
} annot_source;

#define ANNOT_NONE UINT32_MAX   /* "no index" */

typedef struct annot_mention {
  uint32_t start, end;           /* bytes */
  uint32_t tok_begin, tok_end;   /* tokens */
  uint32_t role_start, role_end; /* title before a PERSON; empty if none */
  uint32_t entity;               /* index into the doc's entities */
  uint16_t type;                 /* annot_type or a user label */
  uint8_t source;                /* annot_source */
  uint8_t flags;                 /* reserved, 0 */
  const char *canonical;         /* not NUL-terminated; NULL if none */
  uint32_t canonical_len;
} annot_mention;

/* one real-world entity of a doc: its mentions share 'canonical' */
typedef struct annot_entity {
  const char *canonical;         /* not NUL-terminated */
  uint32_t canonical_len;
  uint32_t first_mention;        /* index of its first mention */
  uint32_t mention_count;
  uint16_t type;
} annot_entity;

typedef enum annot_quote_kind {
  ANNOT_QUOTE_DIRECT = 0, ANNOT_QUOTE_PARTIAL, ANNOT_QUOTE_SCARE,
  ANNOT_QUOTE_INDIRECT, ANNOT_QUOTE_KIND_COUNT
} annot_quote_kind;

/* quote flags */
#define ANNOT_QF_UNCLOSED 0x01u  /* no closing mark: ends at its paragraph */
#define ANNOT_QF_TURN     0x02u  /* a transcript turn after a SPEAKER: label */
#define ANNOT_QF_COLON    0x04u  /* introduced by a colon */
#define ANNOT_QF_NESTED   0x08u  /* inside another quote's span */

typedef struct annot_quote {
  uint32_t start, end;                 /* whole quote, marks included */
  uint32_t content_start, content_end; /* without the marks */
  uint32_t sentence;                   /* sentence holding 'start' */
  uint32_t speaker_start, speaker_end; /* speaker phrase; empty if none */
  uint32_t speaker_mention;            /* mention index or ANNOT_NONE */
  uint32_t speaker_entity;             /* entity index or ANNOT_NONE */
  uint32_t cue_start, cue_end;         /* speech verb or colon; empty if none */
  const char *speaker_canonical;       /* NULL when unknown or anonymous */
  uint32_t speaker_canonical_len;
  uint8_t kind;                        /* annot_quote_kind */
  uint8_t flags;                       /* ANNOT_QF_* */
  uint8_t anonymous;                   /* unnamed source */
} annot_quote;

/* }====================================================== */


/* {======================================================
** Pipeline
** ======================================================= */

typedef struct annot_pipeline annot_pipeline;
typedef struct annot_doc annot_doc;

/* which stages run; tokens, sentences and paragraphs always do, so
** ANNOT_STAGE_TOKENS alone asks for nothing more */
#define ANNOT_STAGE_ENTITIES 0x01u
#define ANNOT_STAGE_QUOTES   0x02u   /* implies entities */
#define ANNOT_STAGE_ALL      0x03u
#define ANNOT_STAGE_TOKENS   0x04u

typedef struct annot_options {
  unsigned stages;               /* ANNOT_STAGE_*; 0 means ALL */
  int no_default_lexicon;        /* 1: start from an empty lexicon */
  uint32_t match_limit;          /* PCRE2 match limit; 0 = default */
  uint32_t depth_limit;          /* PCRE2 depth limit; 0 = default */
} annot_options;

/* A new pipeline with the default lexicon (unless opted out).  'opts' may
** be NULL.  Returns NULL on failure, with 'err' set. */
annot_pipeline *annot_pipeline_new(const annot_options *opts,
                                   annot_error *err);

/* Building: call these before the pipeline is shared between threads.
** User entries win over default ones with the same surface form.
** 'type' is a built-in type name ("PERSON") or a lexicon class (see
** ANNOTATION in the README: TITLE, GIVEN, CUE, ...); 'canonical' and
** 'role' may be NULL. */
int annot_pipeline_add_entry(annot_pipeline *p, const char *surface,
                             const char *type, const char *canonical,
                             const char *role, annot_error *err);
/* A TSV lexicon (surface, type, canonical, role; '#' comments), from
** memory; 'name' is used in error messages. */
int annot_pipeline_add_tsv(annot_pipeline *p, const char *tsv, size_t len,
                           const char *name, annot_error *err);
int annot_pipeline_add_lexicon_file(annot_pipeline *p, const char *path,
                                    annot_error *err);
/* A PCRE2 pattern whose matches become mentions labelled 'label' (a
** built-in type name or a new label).  Compiled now, JIT where available. */
int annot_pipeline_add_pattern(annot_pipeline *p, const char *label,
                               const char *pattern, annot_error *err);

void annot_pipeline_free(annot_pipeline *p);

/* name of a type (built-in or user label), NULL if out of range */
const char *annot_type_name(const annot_pipeline *p, unsigned type);
/* the type with this name, or -1 */
int annot_type_lookup(const annot_pipeline *p, const char *name);

/* }====================================================== */


/* {======================================================
** Docs
** ======================================================= */

/* Annotate 'len' bytes of 'text' (any bytes; NUL and invalid UTF-8 are
** text like any other).  The doc refers to 'text' and to 'p': both must
** outlive it.  Returns NULL on failure, with 'err' set. */
annot_doc *annot_annotate(const annot_pipeline *p, const char *text,
                          size_t len, annot_error *err);

/* Annotate 'n' texts on 'threads' threads (0: one per core) with one
** pipeline; 'docs[i]' receives each result (NULL on failure, with errs[i]
** set when 'errs' is not NULL).  Returns the number of failures. */
size_t annot_annotate_many(const annot_pipeline *p, size_t n,
                           const char *const *texts, const size_t *lens,
                           unsigned threads, annot_doc **docs,
                           annot_error *errs);

void annot_doc_free(annot_doc *d);

const char *annot_doc_text(const annot_doc *d, size_t *len);
const annot_pipeline *annot_doc_pipeline(const annot_doc *d);
/* bytes of C memory the doc holds (its arena and arrays) */
size_t annot_doc_memory(const annot_doc *d);

size_t annot_token_count(const annot_doc *d);
size_t annot_sentence_count(const annot_doc *d);
size_t annot_paragraph_count(const annot_doc *d);
size_t annot_mention_count(const annot_doc *d);
size_t annot_entity_count(const annot_doc *d);
size_t annot_quote_count(const annot_doc *d);

/* the i-th element of each layer (i must be < its count) */
annot_token annot_doc_token(const annot_doc *d, size_t i);
annot_span annot_doc_sentence(const annot_doc *d, size_t i);
annot_span annot_doc_paragraph(const annot_doc *d, size_t i);
const annot_mention *annot_doc_mention(const annot_doc *d, size_t i);
const annot_entity *annot_doc_entity(const annot_doc *d, size_t i);
const annot_quote *annot_doc_quote(const annot_doc *d, size_t i);

/* index of the token holding byte 'offset', or of the first token after it
** when it falls on whitespace; annot_token_count(d) past the last one */
size_t annot_token_at(const annot_doc *d, size_t offset);

/* Normalised form of token i (lower case, curly apostrophes and quotes
** straightened) written to 'buf' (NUL-terminated, truncated to 'size');
** returns its full length. */
size_t annot_token_norm(const annot_doc *d, size_t i, char *buf, size_t size);

const char *annot_token_kind_name(unsigned kind);
const char *annot_quote_kind_name(unsigned kind);

/* }====================================================== */


/* {======================================================
** Export
** ======================================================= */

/* receives the output in pieces; returns 0 to go on, non-zero to stop */
typedef int (*annot_write_fn)(void *ud, const char *bytes, size_t len);

#define ANNOT_JSON_NO_TOKENS 0x01u   /* leave the "tokens" list out */

/* Write the doc as one JSON object (the schema of ANNOTATION.md), on one
** line, with no trailing newline.  Returns 0, or the writer's non-zero
** result when it stopped the export. */
int annot_doc_to_json(const annot_doc *d, unsigned flags,
                      annot_write_fn write, void *ud);

/* }====================================================== */

#ifdef __cplusplus
}
#endif

#endif
