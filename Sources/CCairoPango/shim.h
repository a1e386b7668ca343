#ifndef ALIM_CCAIROPANGO_SHIM_H
#define ALIM_CCAIROPANGO_SHIM_H
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <zlib.h>
#endif
