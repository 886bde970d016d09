print("convmatrix")
