use std::rc::Rc;

use tokio::runtime::Runtime;

fn where_am_i() -> String {
    let thread = std::thread::current();
    let in_task = tokio::task::try_id().is_some();
    format!(
        "in a task? {in_task}; thread {:?}",
        thread.name().unwrap_or("?")
    )
}

fn main() {
    let rt = Runtime::new().unwrap(); // multi-thread

    // An Rc is not Send, and the async block below only borrows it:
    // tokio::spawn would refuse that future, block_on accepts it.
    let label = Rc::new(String::from("a local Rc, borrowed"));

    rt.block_on(async {
        println!("block_on's future: {}", where_am_i());
        println!("block_on's future holds {:?}", label.as_str());

        let spawned = tokio::spawn(async { where_am_i() }).await.unwrap();
        println!("a spawned task:    {spawned}");
    });
}
