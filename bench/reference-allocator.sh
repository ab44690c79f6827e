# Sourced by bench/run and bench/train: the glibc allocator settings platform.NativeRuntime gives ConvLab
# (mmap threshold 32 MB, 128 MB kept per arena, two arenas per core), for the PyTorch references to run with too.
# With glibc's defaults PyTorch's 1,000-image convolution took 1.6 or 8.3–8.7 ms by turns here, faulting its buffers
# in again on each call, and its max-pool training at batch 256 ran 10,093 instead of 13,900 images/s.
GLIBC_TUNABLES_REFERENCE="glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=134217728:glibc.malloc.arena_max=$((2 * $(nproc)))"
