import AlimPipeline
print("alim")
