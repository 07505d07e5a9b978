#ifndef MINGLE_CGLPK_SHIM_H
#define MINGLE_CGLPK_SHIM_H

/* Debian's libglpk-dev installs the header at /usr/include/glpk.h and the
   library as libglpk (no pkg-config file). */
#include <glpk.h>

#endif /* MINGLE_CGLPK_SHIM_H */
