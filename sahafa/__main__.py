from sahafa.cli import main

main()
