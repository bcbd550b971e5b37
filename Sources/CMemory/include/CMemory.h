#ifndef CAIRN_MEMORY_H
#define CAIRN_MEMORY_H

/// Blocks of at least `bytes` are mapped on their own and given back to the system when freed
/// (glibc's M_MMAP_THRESHOLD, held fixed: by default it rises to the largest block freed).
void cairn_map_blocks_from(int bytes);

#endif
