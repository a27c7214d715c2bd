import ScaffoldCLI

@main
enum ScaffoldMain {
    static func main() async {
        await ScaffoldCommand.launch()
    }
}
