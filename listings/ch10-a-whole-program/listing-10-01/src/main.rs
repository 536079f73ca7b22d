use tokio::task::{self, JoinHandle};

// ANCHOR: here
async fn counter(name: String) {
    for i in 0..3 {
        println!("{name}: {i}");
        task::yield_now().await;
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut tasks: Vec<JoinHandle<()>> = Vec::new();
    for n in 0..4 {
        tasks.push(tokio::spawn(counter(format!("task{n}"))));
    }

    loop {
        tasks.retain(|t| !t.is_finished());
        println!("main: {} unfinished", tasks.len());
        let Some(first) = tasks.first_mut() else {
            return;
        };
        first.await.unwrap();
    }
}
// ANCHOR_END: here
