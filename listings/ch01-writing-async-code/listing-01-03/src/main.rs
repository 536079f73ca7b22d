async fn announce(n: u32) -> u32 {
    println!("announce({n}) is running");
    n
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("calling announce(1) and dropping what it returns");
    announce(1);

    println!("calling announce(2) and keeping the future");
    let later = announce(2);

    println!("awaiting the future from announce(2)");
    let n = later.await;
    println!("it gave back {n}");
}
