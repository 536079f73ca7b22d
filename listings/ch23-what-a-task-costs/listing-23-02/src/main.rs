use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

// ANCHOR: here
/// The system allocator, noting the size of every allocation while
/// `RECORDING` is on.
struct Counting;

static RECORDING: AtomicUsize = AtomicUsize::new(0);
static SIZES: Mutex<Vec<usize>> = Mutex::new(Vec::new());

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // Swap the flag off while recording, so that growing SIZES itself
        // is not counted.
        if RECORDING.swap(0, Relaxed) == 1 {
            SIZES.lock().unwrap().push(layout.size());
            RECORDING.store(1, Relaxed);
        }
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The sizes of the allocations `f` makes.
fn allocations<T>(f: impl FnOnce() -> T) -> (T, Vec<usize>) {
    SIZES.lock().unwrap().reserve(16);
    RECORDING.store(1, Relaxed);
    let out = f();
    RECORDING.store(0, Relaxed);
    (out, std::mem::take(&mut *SIZES.lock().unwrap()))
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let small = async { 1u8 };
    let large = async {
        let buffer = [1u8; 20_000]; // held across the .await: part of the future
        tokio::task::yield_now().await;
        buffer[0]
    };
    println!("small future: {} bytes", std::mem::size_of_val(&small));
    println!("large future: {} bytes", std::mem::size_of_val(&large));

    let (handle, sizes) = allocations(|| tokio::spawn(small));
    println!("allocations when spawning the small one: {}", sizes.len());
    println!("  the task, future and all: {} bytes", sizes[0]);
    handle.await.unwrap();

    let (handle, sizes) = allocations(|| tokio::spawn(large));
    println!("allocations when spawning the large one: {}", sizes.len());
    println!("  the first holds the future: {}", sizes[0] >= 20_000);
    println!(
        "  the second is the task, with a pointer to it: {}",
        sizes[1] < 1_000
    );
    handle.await.unwrap();
}
// ANCHOR_END: here
