fn main() {
    claimscope_web::start();
}
