async fn roll_die() -> u32 {
    4
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let roll = roll_die();
    let first = roll.await;
    let second = roll.await; // the future was moved by the first `.await`
    println!("{first} {second}");
}
