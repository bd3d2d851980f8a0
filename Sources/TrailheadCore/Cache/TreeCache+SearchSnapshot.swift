extension TreeCache {
    /// The snapshot of a library's search index, when one was saved for exactly its content.
    public func searchSnapshot(for library: Library, fileSystem: any FileSystem = LocalFileSystem()) -> SearchSnapshot? {
        guard let key = library.contentKey,
              let bytes = fileSystem.mappedContents(of: searchSnapshotPath(for: library), limit: Int(Int32.max) * 4)
        else { return nil }
        return SearchSnapshot(bytes, contentKey: key)
    }

    /// Saves the index built for `library`, for the next search of the same content to map,
    /// and returns the snapshot saved, for this search to use as well. Nil when the library's
    /// content is not known or the index is too large for the format.
    public func saveSearchSnapshot(of index: SearchIndex, for library: Library, fileSystem: any FileSystem = LocalFileSystem()) -> SearchSnapshot? {
        guard let key = library.contentKey,
              let bytes = SearchSnapshot.encode(index, catalog: library.catalog, contentKey: key) else { return nil }
        fileSystem.writeAtomically(bytes, to: searchSnapshotPath(for: library), creatingDirectory: directory)
        pruneOncePerRun(fileSystem: fileSystem)
        return SearchSnapshot(FileBytes(bytes), contentKey: key)
    }

    /// Named after the library's file paths, not their content: when a tree changes, its
    /// catalog's snapshot is replaced instead of joined by another of the same size.
    func searchSnapshotPath(for library: Library) -> String {
        var paths = BinaryWriter()
        library.files.forEach { paths.string($0.path) }
        let name = FastChecksum.value(of: paths.bytes)
        return "\(directory)/\(SearchSnapshot.filePrefix)\(String(name, radix: 16)).bin"
    }
}
