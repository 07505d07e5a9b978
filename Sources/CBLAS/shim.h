#ifndef MINGLE_CBLAS_SHIM_H
#define MINGLE_CBLAS_SHIM_H
#include <cblas.h>
#endif
