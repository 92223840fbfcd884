@main struct Marquee { static func main() {} }
