#ifndef ALIM_CLIBXML2_SHIM_H
#define ALIM_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU; its headers then clash with Foundation's ICU copy under swift test. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>

/* Swift 6 rejects the mutable C global xmlFree; call it through a function. */
static inline void alim_xmlFree(void *ptr) { xmlFree(ptr); }
#endif
