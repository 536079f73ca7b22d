async fn steep(leaves: &str) -> String {
    println!("  steep: started with {leaves}");
    let cup = format!("a cup of {leaves}");
    println!("  steep: finished");
    cup
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("main: before .await");
    let cup = steep("oolong").await;
    println!("main: after .await, holding {cup}");
}
