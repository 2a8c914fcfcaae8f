import ThrowingLibrary

// The `where` clause tests the bound error and the body uses it: swift-frontend aborts in SILGen with
// "Found ownership error?!". Without the `where`, or without using `error` in the body, it compiles.
do {
    try failingCall()
} catch let error where error.status == 400 {
    print(error.status ?? 0)
}
