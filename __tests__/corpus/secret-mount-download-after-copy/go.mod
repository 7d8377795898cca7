module example.com/app

go 1.19

require example.com/notify v1.0.0

replace example.com/notify => ./third_party/notify
