// An ordinary function: calling it runs the body and returns a String.
fn price_tag(item: &str, pence: u32) -> String {
    format!("{item}: {pence}p")
}

// An async function: the body is the same, the keyword is new.
async fn price_tag_later(item: &str, pence: u32) -> String {
    format!("{item}: {pence}p")
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("{}", price_tag("tea", 120));
    println!("{}", price_tag_later("cake", 250).await);
}
