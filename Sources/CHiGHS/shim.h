// HiGHS's C API (HiGHS 1.15, MIT), built from the highspy source distribution by .ci/install-deps;
// pkg-config's `highs` gives the include path and the static library with its C++ runtime.
#include <interfaces/highs_c_api.h>
