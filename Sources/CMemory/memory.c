#include "CMemory.h"

#include <malloc.h>

void cairn_map_blocks_from(int bytes) {
    mallopt(M_MMAP_THRESHOLD, bytes);
}
