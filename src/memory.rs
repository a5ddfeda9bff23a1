//! How the process takes memory from the system: large blocks as mappings of their own, so that
//! freeing one gives it back at once.

/// Blocks of this many bytes or more are mapped on their own.
pub const MAP_FROM: usize = 4 << 20;

/// Makes every block of [`MAP_FROM`] bytes or more a mapping of its own, unmapped when freed.
///
/// glibc's allocator adapts its threshold: once a large block is freed, blocks up to that size
/// come from the heap, where freed ones stay resident. Reading a corpus frees many large tables
/// (the listing, the merge's orders and indexes), and at 100,000 articles the screen kept about
/// 50 MB resident that it no longer used. A fixed threshold ends that. Call it once, first
/// thing in `main`; with another C library it does nothing.
pub fn return_large_blocks() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: `mallopt` only sets a tuning parameter of the C allocator, under its own
        // lock; the value is a valid size.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, MAP_FROM as libc::c_int);
        }
    }
}
